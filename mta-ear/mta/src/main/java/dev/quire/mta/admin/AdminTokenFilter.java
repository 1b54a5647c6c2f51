package dev.quire.mta.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses every admin call that does not carry the local admin token, except that a relay token
 * ({@link RelayTokens}) may {@code GET} the address file: 401 without a known token, 403 for a relay token
 * anywhere else.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    @Inject
    AdminToken token;

    @Inject
    RelayTokens relays;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : null;
        if (token.matches(presented)) {
            return;
        }
        if (relays.matches(presented)) {
            if (isAddressFile(request)) {
                return;
            }
            request.abortWith(refusal(Response.Status.FORBIDDEN, "a relay token may only fetch /addresses"));
            return;
        }
        request.abortWith(Response.fromResponse(refusal(Response.Status.UNAUTHORIZED,
                "an admin token is required (see <data dir>/run/admin-token)"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"quire-mta\"").build());
    }

    private static boolean isAddressFile(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                && (path.equals("addresses") || path.equals("/addresses"));
    }

    private static Response refusal(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorView(message)).build();
    }
}
