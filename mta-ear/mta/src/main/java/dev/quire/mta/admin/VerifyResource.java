package dev.quire.mta.admin;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.quire.mta.routing.Verifier;

/** {@code GET /mta/api/verify?address=...}: sendmail -bv over HTTP, as text lines or JSON. */
@Path("/verify")
@RequestScoped
public class VerifyResource {
    private static final int MAX_ADDRESSES = 100;

    @Inject
    Verifier verifier;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Verifier.Line> json(@QueryParam("address") List<String> addresses) {
        return verify(addresses);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String text(@QueryParam("address") List<String> addresses) {
        StringBuilder out = new StringBuilder();
        verify(addresses).forEach(l -> out.append(l.line()).append('\n'));
        return out.toString();
    }

    private List<Verifier.Line> verify(List<String> addresses) {
        if (addresses == null || addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw new BadRequestException("give 1 to " + MAX_ADDRESSES + " address parameters");
        }
        return addresses.stream().flatMap(a -> verifier.verify(a).stream()).toList();
    }
}
