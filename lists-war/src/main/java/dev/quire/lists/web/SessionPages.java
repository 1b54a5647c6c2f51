package dev.quire.lists.web;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.security.Caller;
import dev.quire.lists.security.LoginOutcome;

/**
 * {@code /admin/login} and {@code /admin/logout}. The password goes to Jakarta Security
 * ({@code SecurityContext.authenticate}), whose mechanism throttles, checks and starts the session; this
 * page only answers: to the page asked for, 401 for a wrong password, 429 while throttled.
 */
@Path("/")
@RequestScoped
public class SessionPages {
    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next, @QueryParam("out") String out) {
        if (caller.account().isPresent()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return login(200, null).with("next", safeNext(next)).with("info", out != null ? "You have logged out." : null)
                .ok();
    }

    @POST
    @Path("login")
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return login(400, "Enter your user name and your password.").with("username", username)
                    .with("next", safeNext(next)).response(400);
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username.strip(), new Password(password)))
                .newAuthentication(true));
        LoginOutcome outcome = (LoginOutcome) request.getAttribute(LoginOutcome.ATTRIBUTE);
        if (status == AuthenticationStatus.SUCCESS && outcome != null
                && outcome.result() == LoginOutcome.Result.LOGGED_IN) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        if (outcome != null && outcome.result() == LoginOutcome.Result.THROTTLED) {
            long seconds = Math.max(1, outcome.retryAfter().toSeconds());
            return Response.fromResponse(login(429, "Too many failed logins. Wait " + seconds
                    + " seconds, then try again.").with("username", username).with("next", safeNext(next))
                    .response(429)).header("Retry-After", seconds).build();
        }
        return login(401, "Wrong user name or password.").with("username", username).with("next", safeNext(next))
                .response(401);
    }

    @POST
    @Path("logout")
    public Response logout() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.seeOther(URI.create("/admin/login?out=1")).build();
    }

    private Pages.Page login(int status, String error) {
        return pages.page("login", request, java.util.Optional.empty()).with("error", error).with("status", status);
    }

    /** Only pages of the admin itself, or a private archive: never another site (no open redirect). */
    static String safeNext(String next) {
        if (next == null || !(next.startsWith("/admin") || next.startsWith("/archives/")) || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/admin";
        }
        return next;
    }
}
