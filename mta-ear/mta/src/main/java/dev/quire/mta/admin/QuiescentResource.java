package dev.quire.mta.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.quire.mta.control.Quiescence;

/**
 * {@code GET|PUT /mta/api/quiescent}: whether the MTA is in maintenance; PUT {@code true} closes the doors
 * (421 to new connections, no deliveries), PUT {@code false} opens them.
 */
@Path("/quiescent")
@RequestScoped
public class QuiescentResource {
    @Inject
    Quiescence quiescence;

    /** The state. */
    public record StateView(boolean quiescent) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StateView get() {
        return new StateView(quiescence.isQuiescent());
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public StateView set(String body) {
        String b = body == null ? "" : body.strip();
        if (!b.equals("true") && !b.equals("false")) {
            throw new jakarta.ws.rs.BadRequestException("send true or false");
        }
        quiescence.set(Boolean.parseBoolean(b));
        return get();
    }
}
