package dev.quire.lists.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

/**
 * Error answers outside the API's own mappers: an HTML page for people, or for {@code /api} paths the
 * API's JSON error shape ({@code status}, {@code error}, {@code message}). A default sentence per status.
 */
@ApplicationScoped
public class ErrorPages {
    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "The request could not be read.",
            401, "Log in first.",
            403, "You may not do this.",
            404, "There is nothing at this address.",
            405, "This address does not take that method.",
            429, "Too many requests; wait a little, then try again.",
            500, "Something went wrong on the server.");

    @Inject
    Pages pages;

    /** The HTML error page; a null message takes the status's default. */
    public Response page(int status, String message) {
        return Response.status(status).type(Pages.HTML).entity(html(status, message)).build();
    }

    String html(int status, String message) {
        Pages.Page page = pages.plain("error");
        return page.with("status", status).with("title", title(status)).with("message", text(status, message)).html();
    }

    /** Writes an error to a servlet response: JSON for API paths, HTML otherwise. */
    public void write(HttpServletRequest request, HttpServletResponse response, String path, int status,
            String message) throws IOException {
        response.setStatus(status);
        byte[] body;
        if (isApi(request, path)) {
            response.setContentType("application/json");
            body = Json.createObjectBuilder().add("status", status).add("error", word(status))
                    .add("message", text(status, message)).build().toString().getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=utf-8");
            body = html(status, message).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static boolean isApi(HttpServletRequest request, String path) {
        String p = Optional.ofNullable(path).orElse("");
        return p.startsWith(request.getContextPath() + "/api/") || p.equals(request.getContextPath() + "/api");
    }

    private static String text(int status, String message) {
        return message != null ? message : MESSAGES.getOrDefault(status, "The request was refused (" + status + ").");
    }

    private static String title(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return status + " " + (s == null ? "Error" : s.getReasonPhrase());
    }

    static String word(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "error" : s.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
