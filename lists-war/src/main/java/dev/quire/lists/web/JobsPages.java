package dev.quire.lists.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.jobs.JobsAdministration;
import dev.quire.lists.jobs.RunRequestView;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;

/**
 * {@code /admin/jobs}: every scheduled job of both applications with its schedule, next fire time and latest runs,
 * and a "Run now" button (site admins; the form carries the CSRF token the web filter checks).
 */
@Path("/jobs")
@RequestScoped
public class JobsPages {
    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    JobsAdministration jobs;

    @Context
    HttpServletRequest request;

    @GET
    public Response jobs(@QueryParam("requested") String requested) {
        Account account = caller.require();
        return pages.page("jobs", request, Optional.of(account)).with("jobs", jobs.jobs(account))
                .with("siteAdmin", account.siteAdmin()).with("requested", requested).ok();
    }

    @POST
    @Path("{name}/run")
    public Response run(@PathParam("name") String name) {
        RunRequestView asked = jobs.runNow(caller.require(), name);
        return Response.seeOther(URI.create("/admin/jobs?requested="
                + URLEncoder.encode(asked.job(), StandardCharsets.UTF_8) + "#job-" + asked.job())).build();
    }
}
