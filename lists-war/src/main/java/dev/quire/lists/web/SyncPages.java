package dev.quire.lists.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.jobs.JobsAdministration;
import dev.quire.lists.jobs.SyncRunView;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;

/**
 * {@code /admin/lists/{list}/sync}: a list's membership sources, its sync runs, the syncs the safety valve holds
 * (with "Confirm"), a dry run (its diff at once, nothing changed) and "Sync now"; {@code .../sync/runs/{id}} is one
 * run's diff. Owners and site admins; a moderator gets 403, anyone else 404.
 */
@Path("/lists/{list}/sync")
@RequestScoped
public class SyncPages {
    private static final int RUNS = 20;

    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    JobsAdministration jobs;

    @Context
    HttpServletRequest request;

    @GET
    public Response sync(@PathParam("list") String list, @QueryParam("requested") String requested) {
        Account account = caller.require();
        return pages.page("sync", request, Optional.of(account)).with("list", list)
                .with("sources", jobs.sources(account, list)).with("runs", jobs.syncRuns(account, list, RUNS))
                .with("holds", jobs.holds(account, list)).with("requested", requested).ok();
    }

    @GET
    @Path("runs/{id}")
    public Response run(@PathParam("list") String list, @PathParam("id") long id) {
        Account account = caller.require();
        return pages.page("sync-run", request, Optional.of(account)).with("list", list)
                .with("run", jobs.syncRun(account, list, id)).ok();
    }

    /** A dry run shows its diff at once; a real sync is asked of the scheduler. */
    @POST
    public Response start(@PathParam("list") String list, @FormParam("role") String role,
            @FormParam("dryRun") String dryRun) {
        Account account = caller.require();
        if ("true".equals(dryRun)) {
            SyncRunView run = jobs.dryRun(account, list, JobsAdministration.role(role));
            return Response.seeOther(URI.create(base(list) + "/runs/" + run.id())).build();
        }
        jobs.syncNow(account, list, JobsAdministration.role(role));
        return Response.seeOther(URI.create(base(list) + "?requested=sync")).build();
    }

    @POST
    @Path("holds/{id}/confirm")
    public Response confirm(@PathParam("list") String list, @PathParam("id") long id) {
        jobs.confirm(caller.require(), list, id);
        return Response.seeOther(URI.create(base(list) + "?requested=confirm")).build();
    }

    private static String base(String list) {
        return "/admin/lists/" + URLEncoder.encode(list, StandardCharsets.UTF_8).replace("%40", "@") + "/sync";
    }
}
