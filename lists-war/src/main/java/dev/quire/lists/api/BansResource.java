package dev.quire.lists.api;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.db.list.Ban;
import dev.quire.lists.admin.BanAdministration;
import dev.quire.lists.security.Caller;

/**
 * {@code /api/lists/{list}/bans}: the list's banned addresses, for its owners. A pattern is an address, or a
 * regular expression when it starts with {@code ^}. Site-wide bans are {@link SiteBansResource}.
 */
@Path("/lists/{list}/bans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BansResource {
    @Inject
    Caller caller;

    @Inject
    BanAdministration bans;

    public record BanView(long id, String pattern, boolean regex, Instant createdAt) {
        static BanView of(Ban b) {
            return new BanView(b.id(), b.pattern(), b.isRegex(), b.createdAt());
        }
    }

    @GET
    @Operation(summary = "The list's own bans (owners)")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<BanView> listBans(@PathParam("list") String list) {
        return bans.bans(caller.require(), list).stream().map(BanView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bans an address or a pattern on the list: {pattern} (owners)")
    @APIResponse(responseCode = "400", description = "not an address nor a valid ^regex, or banned already")
    public Response addListBan(@PathParam("list") String list, String body) {
        return Response.status(201)
                .entity(BanView.of(bans.add(caller.require(), list, JsonBody.parse(body).text("pattern")))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Lifts a ban of the list (owners)")
    public Response removeListBan(@PathParam("list") String list, @PathParam("id") long id) {
        bans.remove(caller.require(), list, id);
        return Response.noContent().build();
    }
}
