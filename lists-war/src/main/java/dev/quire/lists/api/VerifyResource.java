package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.security.Caller;
import dev.quire.lists.site.SiteVerify;

/** {@code GET /api/verify?address=}: how the MTA would route an address, as {@code quire verify} says it. */
@Path("/verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {
    @Inject
    Caller caller;

    @Inject
    SiteVerify verify;

    @GET
    @Operation(summary = "Verifies an address like sendmail -bv: [{address, deliverable, line}]")
    @APIResponse(responseCode = "400", description = "no address, or not one address")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    @APIResponse(responseCode = "502", description = "the MTA's admin API did not answer")
    public List<SiteVerify.Verdict> verify(@QueryParam("address") String address) {
        return verify.verify(caller.require(), address);
    }
}
