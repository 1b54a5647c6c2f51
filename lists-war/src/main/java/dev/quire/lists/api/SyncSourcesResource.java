package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.jobs.JobsAdministration;
import dev.quire.lists.jobs.SourceView;
import dev.quire.lists.security.Caller;

/** {@code GET /api/lists/{list}/sources}: where the list's rosters are synced from (owners). */
@Path("/lists/{list}/sources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncSourcesResource {
    @Inject
    Caller caller;

    @Inject
    JobsAdministration jobs;

    @GET
    @Operation(summary = "The list's membership sources: SQL queries, CSV and plain files, per roster (owners)")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<SourceView> sources(@PathParam("list") String list) {
        return jobs.sources(caller.require(), list);
    }
}
