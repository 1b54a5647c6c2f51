package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.admin.ListAdministration;
import dev.quire.lists.security.Caller;

/** {@code GET /api/domains}: the served domains, for site admins. */
@Path("/domains")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {
    @Inject
    Caller caller;

    @Inject
    ListAdministration admin;

    @GET
    @Operation(summary = "The domains Quire serves, with their kind and number of lists (site admins only)")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public List<DomainView> domains() {
        return admin.domains(caller.require()).stream().map(DomainView::of).toList();
    }
}
