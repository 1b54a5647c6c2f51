package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

import dev.quire.lists.jobs.JobRunView;
import dev.quire.lists.jobs.JobView;
import dev.quire.lists.jobs.JobsAdministration;
import dev.quire.lists.security.Caller;

/**
 * {@code /api/jobs}: every application's scheduled jobs with their schedules, next fire times and latest runs;
 * one job's runs; a run now. Site admins only. A job of the MTA ({@code address-file}, {@code spam-bounces}) is
 * run by the MTA's scheduler even when asked for here.
 */
@Path("/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    @Inject
    Caller caller;

    @Inject
    JobsAdministration jobs;

    @GET
    @Operation(summary = "Every scheduled job with its schedule, next fire time and latest runs (site admins)")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public List<JobView> jobs() {
        return jobs.jobs(caller.require());
    }

    @GET
    @Path("/{name}/runs")
    @Operation(summary = "A job's latest runs, newest first (site admins)")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    @APIResponse(responseCode = "404", description = "no job of that name")
    public List<JobRunView> runs(
            @Parameter(description = "the job, such as membership-sync") @PathParam("name") String name,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return jobs.runs(caller.require(), name, limit);
    }

    @POST
    @Path("/{name}/run")
    @Operation(summary = "Runs a job now, on a node of the application that owns it (site admins); 202 with the request"
            + " id that the run's record will carry")
    @APIResponse(responseCode = "202", description = "the run was asked for")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    @APIResponse(responseCode = "404", description = "no job of that name")
    public Response run(@PathParam("name") String name) {
        return Response.accepted(jobs.runNow(caller.require(), name)).build();
    }
}
