package dev.quire.mta.admin;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.quartz.SchedulerException;

import dev.quire.db.jobs.JobRun;
import dev.quire.db.jobs.JobRunRepository;
import dev.quire.scheduler.SchedulerBootstrap;

/**
 * Scheduled jobs of every Quire application (they share one job store and one run record): {@code GET /jobs}
 * lists runs, newest first; {@code POST /jobs/{name}/run?param=key=value} asks for a run now, on whichever node of
 * the owning application picks it up; {@code GET /jobs/requests/{id}} is that run once it started.
 */
@Path("/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    private static final int MAX_RUNS = 500;

    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @Inject
    SchedulerBootstrap scheduler;

    /** The jobs each application's scheduler has. */
    public record JobsView(Map<String, List<String>> jobs, List<JobRun> runs) {
    }

    /** A run asked for. */
    public record RequestView(String job, String request) {
    }

    @GET
    public JobsView runs(@QueryParam("job") String job, @QueryParam("limit") Integer limit)
            throws SQLException, SchedulerException {
        int n = limit == null ? 50 : Math.max(1, Math.min(MAX_RUNS, limit));
        return new JobsView(scheduler.scheduler().jobs(), new JobRunRepository(dataSource).recent(job, n));
    }

    @POST
    @Path("/{name}/run")
    public RequestView run(@PathParam("name") String name, @QueryParam("param") List<String> params) {
        Map<String, String> parameters = new HashMap<>();
        for (String p : params == null ? List.<String>of() : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new BadRequestException("parameters are key=value: " + p);
            }
            parameters.put(p.substring(0, eq), p.substring(eq + 1));
        }
        try {
            return new RequestView(name, scheduler.scheduler().requestRun(name, parameters));
        } catch (SchedulerException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** The run as text: its outcome on the first line, then its counts and message. */
    @GET
    @Path("/requests/{request}")
    @Produces(MediaType.TEXT_PLAIN)
    public String requestText(@PathParam("request") String request) throws SQLException {
        JobRun run = request(request);
        return run.outcome() + " " + run.job() + " run " + run.id() + " on " + run.node() + "\n"
                + (run.counts() == null ? "" : run.counts() + "\n")
                + (run.message() == null ? "" : run.message() + "\n");
    }

    @GET
    @Path("/requests/{request}")
    public JobRun request(@PathParam("request") String request) throws SQLException {
        return new JobRunRepository(dataSource).byRequest(request)
                .orElseThrow(() -> new NotFoundException("request " + request + " has not started yet"));
    }
}
