package dev.quire.lists.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.security.Caller;
import dev.quire.lists.site.SiteHealth;

/**
 * {@code GET /api/health}: the site for its admins: database, MTA (and whether it is quiescent), queue sizes,
 * scheduler nodes. Load balancers use MicroProfile Health's {@code /health} instead, which needs no login.
 */
@Path("/health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    @Inject
    Caller caller;

    @Inject
    SiteHealth health;

    @GET
    @Operation(summary = "Database reachable, MTA reachable and quiescent or not, queue sizes, scheduler nodes")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public SiteHealth.Report health() {
        return health.check(caller.require());
    }
}
