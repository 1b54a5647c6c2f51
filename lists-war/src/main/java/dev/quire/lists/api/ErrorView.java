package dev.quire.lists.api;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error the API answers: the HTTP status, a stable machine word ({@code not_found},
 * {@code forbidden}, {@code invalid_request}, ...), a sentence for people, and for invalid requests the
 * message for each field.
 */
public record ErrorView(int status, String error, String message, Map<String, String> fields) {
    /** An error without field messages. */
    public static Response response(int status, String error, String message) {
        return response(new ErrorView(status, error, message, null));
    }

    public static Response response(ErrorView view) {
        return Response.status(view.status()).type(MediaType.APPLICATION_JSON).entity(view).build();
    }
}
