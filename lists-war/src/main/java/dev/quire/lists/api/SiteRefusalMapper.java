package dev.quire.lists.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.quire.lists.site.SiteRefusal;

/** A refused site-admin request as the JSON error model: 400, 404, 409 or 502, with the fields when bad. */
@Provider
public class SiteRefusalMapper implements ExceptionMapper<SiteRefusal> {
    @Override
    public Response toResponse(SiteRefusal e) {
        return ErrorView.response(new ErrorView(e.status(), e.word(), e.getMessage(),
                e.fields().isEmpty() ? null : e.fields()));
    }
}
