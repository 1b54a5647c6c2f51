package dev.quire.mta.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Refuses every admin call that does not carry the local admin token. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    @Inject
    AdminToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : null;
        if (!token.matches(presented)) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"quire-mta\"")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorView("an admin token is required (see <data dir>/run/admin-token)"))
                    .build());
        }
    }
}
