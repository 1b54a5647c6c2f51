package dev.quire.lists.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.quire.lists.security.SecurityHeaders;

/**
 * The container's error page (WEB-INF/web.xml): errors that no JAX-RS mapper answered, such as a missing
 * static file or an exception in a filter, answered as an HTML page or, under /api, as JSON. The exception
 * itself is never shown.
 */
@WebServlet(name = "quire-errors", urlPatterns = "/error")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ErrorPages errors;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer ? (Integer) code : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        SecurityHeaders.apply(request, response);
        errors.write(request, response, uri == null ? request.getRequestURI() : uri.toString(), status, null);
    }
}
