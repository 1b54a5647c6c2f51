package dev.quire.lists.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.quire.lists.site.SiteRefusal;

/** A site-admin refusal that no form caught (a GET with a bad parameter): an error page with its status. */
@Provider
public class SiteRefusalPage implements ExceptionMapper<SiteRefusal> {
    @Inject
    ErrorPages errors;

    @Override
    public Response toResponse(SiteRefusal e) {
        return errors.page(e.status(), e.getMessage());
    }
}
