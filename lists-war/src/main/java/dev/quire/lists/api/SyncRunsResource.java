package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.jobs.JobsAdministration;
import dev.quire.lists.jobs.SyncRunView;
import dev.quire.lists.security.Caller;

/** {@code /api/lists/{list}/sync-runs}: the list's membership syncs and dry runs, each with its diff (owners). */
@Path("/lists/{list}/sync-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncRunsResource {
    @Inject
    Caller caller;

    @Inject
    JobsAdministration jobs;

    @GET
    @Operation(summary = "The list's sync runs and dry runs, newest first, each with its diff (owners)")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<SyncRunView> runs(@PathParam("list") String list, @QueryParam("limit") @DefaultValue("20") int limit) {
        return jobs.syncRuns(caller.require(), list, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One sync run of the list with its diff (owners)")
    @APIResponse(responseCode = "404", description = "no such run of this list")
    public SyncRunView run(@PathParam("list") String list, @PathParam("id") long id) {
        return jobs.syncRun(caller.require(), list, id);
    }
}
