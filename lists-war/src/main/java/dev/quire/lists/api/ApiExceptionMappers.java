package dev.quire.lists.api;

import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.quire.lists.security.NotAuthenticated;
import dev.quire.lists.security.NotPermitted;

/** Turns every exception of an API call into the JSON {@link ErrorView}; unexpected ones are logged, not shown. */
public final class ApiExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    private ApiExceptionMappers() {
    }

    /** 401. */
    @Provider
    public static class Unauthenticated implements ExceptionMapper<NotAuthenticated> {
        @Override
        public Response toResponse(NotAuthenticated e) {
            return Response.fromResponse(ErrorView.response(401, "unauthorized", e.getMessage()))
                    .header("WWW-Authenticate", "Bearer realm=\"quire\"").build();
        }
    }

    /** 404 for a list the caller may not know, 403 for a role too weak. */
    @Provider
    public static class Forbidden implements ExceptionMapper<NotPermitted> {
        @Override
        public Response toResponse(NotPermitted e) {
            return e.hidden()
                    ? ErrorView.response(404, "not_found", e.getMessage())
                    : ErrorView.response(403, "forbidden", e.getMessage());
        }
    }

    /** 400 with a message per field. */
    @Provider
    public static class Invalid implements ExceptionMapper<InvalidRequest> {
        @Override
        public Response toResponse(InvalidRequest e) {
            return ErrorView.response(new ErrorView(400, "invalid_request", e.getMessage(), e.fields()));
        }
    }

    /** What JAX-RS itself refuses: unknown path (404), wrong method (405), unreadable body (400), ... */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.answer(e);
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String word = type == null
                    ? "error"
                    : type.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_').replace("-", "_");
            Response.ResponseBuilder answer = Response.fromResponse(ErrorView.response(status, word, message(status)));
            Object allow = e.getResponse().getHeaderString("Allow");
            return (allow == null ? answer : answer.header("Allow", allow)).build();
        }

        private static String message(int status) {
            switch (status) {
                case 400 :
                    return "The request could not be read: check its JSON and parameters.";
                case 404 :
                    return "There is nothing at this address.";
                case 405 :
                    return "This address does not take that method.";
                case 406 :
                    return "This address answers JSON only.";
                case 415 :
                    return "Send JSON (Content-Type: application/json).";
                default :
                    return "The request was refused (" + status + ").";
            }
        }
    }

    /** 500 for anything else: logged with an incident id that the answer names, no details. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return answer(e);
        }

        static Response answer(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "API error, incident " + incident, e);
            return ErrorView.response(500, "internal_error",
                    "Something went wrong on the server; the administrator can find incident " + incident
                            + " in the log.");
        }
    }
}
