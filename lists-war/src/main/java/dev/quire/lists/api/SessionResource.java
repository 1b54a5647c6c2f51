package dev.quire.lists.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;
import dev.quire.lists.security.CsrfTokens;

/** {@code GET /api/session}: who the caller is, and the CSRF token a session must send with changes. */
@Path("/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The authenticated user, and for a session the X-CSRF-Token value to send on changes")
    public SessionView session() {
        Account account = caller.require();
        String csrf = caller.byToken() || request.getSession(false) == null
                ? null
                : CsrfTokens.of(request.getSession(false));
        return new SessionView(account.username(), account.siteAdmin(), csrf);
    }
}
