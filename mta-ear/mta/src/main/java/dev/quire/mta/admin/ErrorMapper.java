package dev.quire.mta.admin;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every refused admin call answers JSON with a message, never a stack trace. */
@Provider
public class ErrorMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        return Response.status(e.getResponse().getStatus()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorView(e.getMessage())).build();
    }
}
