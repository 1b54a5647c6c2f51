package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.jobs.JobsAdministration;
import dev.quire.lists.jobs.SyncHoldView;
import dev.quire.lists.security.Caller;

/**
 * {@code /api/lists/{list}/sync-holds}: the list's syncs the safety valve stopped; confirming one lets the sync that
 * it then asks for remove up to the held number of members (owners).
 */
@Path("/lists/{list}/sync-holds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncHoldsResource {
    @Inject
    Caller caller;

    @Inject
    JobsAdministration jobs;

    @GET
    @Operation(summary = "The list's held syncs that wait for confirmation (owners)")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<SyncHoldView> holds(@PathParam("list") String list) {
        return jobs.holds(caller.require(), list);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "Confirms a held sync and asks for that roster's sync now (owners); 202 with the request id")
    @APIResponse(responseCode = "202", description = "confirmed; the sync was asked for")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list or held sync, or it no longer waits")
    public Response confirm(@PathParam("list") String list, @PathParam("id") long id) {
        return Response.accepted(jobs.confirm(caller.require(), list, id)).build();
    }
}
