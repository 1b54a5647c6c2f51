package dev.quire.lists.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.db.list.HeldMessage;
import dev.quire.lists.admin.HeldAdministration;
import dev.quire.lists.admin.HeldPost;
import dev.quire.lists.moderation.Outcome;
import dev.quire.lists.security.Caller;

/**
 * {@code /api/lists/{list}/held}: posts held for moderation, for the list's moderators and owners: the queue,
 * one post as text, and a decision ({@code accept}, {@code reject} with a reason, {@code discard},
 * {@code defer}, {@code accept-and-unmoderate}) on one post or many.
 */
@Path("/lists/{list}/held")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HeldResource {
    @Inject
    Caller caller;

    @Inject
    HeldAdministration held;

    /** One held post in the queue. */
    public record HeldView(long id, String sender, String subject, List<String> reasons, Instant heldAt) {
        static HeldView of(HeldMessage h) {
            return new HeldView(h.id(), h.sender(), h.subject(),
                    h.reasons().lines().filter(l -> !l.isBlank()).toList(), h.heldAt());
        }
    }

    @GET
    @Operation(summary = "The posts held on the list, oldest first (moderators)")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<HeldView> queue(@jakarta.ws.rs.PathParam("list") String list) {
        return held.queue(caller.require(), list).stream().map(HeldView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One held post: headers, reasons, its text (never HTML rendered) and attachments")
    @APIResponse(responseCode = "404", description = "no such held post")
    public HeldPost post(@PathParam("list") String list, @PathParam("id") long id) {
        return held.post(caller.require(), list, id);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decides on one post: {action, reason}")
    @APIResponse(responseCode = "400", description = "an unknown action")
    @APIResponse(responseCode = "404", description = "no such held post")
    public Outcome decide(@PathParam("list") String list, @PathParam("id") long id, String body) throws IOException {
        JsonBody json = JsonBody.parse(body);
        Outcome o = held.decide(caller.require(), list, List.of(id), action(json), json.text("reason")).get(0);
        if (!o.done()) {
            throw dev.quire.lists.admin.Refused.notFound(o.detail());
        }
        return o;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decides on many posts at once: {ids: [...], action, reason}; one outcome per id")
    public List<Outcome> decideMany(@PathParam("list") String list, String body) throws IOException {
        JsonBody json = JsonBody.parse(body);
        return held.decide(caller.require(), list, json.ids("ids"), action(json), json.text("reason"));
    }

    private static HeldAdministration.Action action(JsonBody json) {
        return HeldAdministration.Action.parse(json.text("action") == null ? "" : json.text("action"));
    }
}
