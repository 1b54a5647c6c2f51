package dev.quire.lists.api;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.db.list.Member;
import dev.quire.lists.admin.MemberAdministration;
import dev.quire.lists.security.Caller;

/** {@code /api/lists/{list}/bounces}: members whose mail bounces, highest score first, for the list's owners. */
@Path("/lists/{list}/bounces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BouncesResource {
    @Inject
    Caller caller;

    @Inject
    MemberAdministration members;

    public record BounceView(String address, double score, boolean deliveryEnabled, String disabledReason,
            Instant disabledAt, Instant lastBounceAt, int warningsSent) {
        static BounceView of(Member m) {
            return new BounceView(m.address().toString(), m.bounceScore(), m.deliveryEnabled(),
                    OwnerToolsMappers.lower(m.disabledReason()), m.disabledAt(), m.lastBounceAt(),
                    m.bounceWarningsSent());
        }
    }

    @GET
    @Operation(summary = "Members with a bounce score, or whose delivery bounces turned off (owners; at most 1000)")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<BounceView> bouncing(@PathParam("list") String list) {
        return members.bouncing(caller.require(), list).stream().map(BounceView::of).toList();
    }
}
