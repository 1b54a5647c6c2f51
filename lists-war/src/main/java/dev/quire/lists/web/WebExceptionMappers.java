package dev.quire.lists.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.quire.lists.security.NotAuthenticated;
import dev.quire.lists.security.NotPermitted;

/** Errors of the web pages as HTML pages with a clear message and the right status, never a stack trace. */
public final class WebExceptionMappers {
    private static final Logger LOG = Logger.getLogger(WebExceptionMappers.class.getName());

    private WebExceptionMappers() {
    }

    /** Not logged in: to the login page, which comes back here afterwards. */
    @Provider
    public static class Unauthenticated implements ExceptionMapper<NotAuthenticated> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(NotAuthenticated e) {
            String here = request.getRequestURI();
            return Response.seeOther(URI.create("/admin/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8)))
                    .build();
        }
    }

    /** 404 for a list the user may not know, 403 for a role too weak. */
    @Provider
    public static class Forbidden implements ExceptionMapper<NotPermitted> {
        @Inject
        ErrorPages errors;

        @Override
        public Response toResponse(NotPermitted e) {
            return errors.page(e.hidden() ? 404 : 403, e.getMessage());
        }
    }

    /** What JAX-RS refuses itself: unknown page, wrong method, ... */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Inject
        ErrorPages errors;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return status >= 500 ? Unexpected.answer(errors, e) : errors.page(status, null);
        }
    }

    /** Anything else: logged with an incident id; the page names the id only. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Inject
        ErrorPages errors;

        @Override
        public Response toResponse(Throwable e) {
            return answer(errors, e);
        }

        static Response answer(ErrorPages errors, Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "web error, incident " + incident, e);
            return errors.page(500, "Something went wrong on the server; the administrator can find incident "
                    + incident + " in the log.");
        }
    }
}
