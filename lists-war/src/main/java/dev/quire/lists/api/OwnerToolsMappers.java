package dev.quire.lists.api;

import java.util.Locale;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.quire.lists.admin.Refused;

/** The owner's tools' refusals as the API's JSON errors: 400 {@code invalid_request}, 404 {@code not_found}. */
public final class OwnerToolsMappers {
    private OwnerToolsMappers() {
    }

    @Provider
    public static class RefusedJson implements ExceptionMapper<Refused> {
        @Override
        public Response toResponse(Refused e) {
            String word = e.status() == 404 ? "not_found" : "invalid_request";
            return ErrorView.response(new ErrorView(e.status(), word, e.getMessage(), e.fields()));
        }
    }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
