package dev.quire.lists.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.jobs.JobsAdministration;
import dev.quire.lists.security.Caller;

/**
 * {@code POST /api/lists/{list}/sync}: a dry run of one roster now (200 with its diff, nothing changed), or a real
 * sync asked of the scheduler (202). Owners and site admins.
 */
@Path("/lists/{list}/sync")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    @Inject
    Caller caller;

    @Inject
    JobsAdministration jobs;

    @POST
    @Operation(summary = "Syncs a roster from its sources: a dry run answers its diff at once and changes nothing;"
            + " a real sync is run by the scheduler (202 with the request id)")
    @APIResponse(responseCode = "200", description = "the dry run, recorded with its diff")
    @APIResponse(responseCode = "202", description = "the sync was asked for")
    @APIResponse(responseCode = "400", description = "role is not member, owner or moderator, or that roster has no"
            + " sync source")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public Response sync(@Parameter(description = "the posting address") @PathParam("list") String list,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "member (default), owner or moderator") @QueryParam("role") String role) {
        if (dryRun) {
            return Response.ok(jobs.dryRun(caller.require(), list, JobsAdministration.role(role))).build();
        }
        return Response.accepted(jobs.syncNow(caller.require(), list, JobsAdministration.role(role))).build();
    }
}
