package dev.quire.lists.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.api.SiteViews.QueueMessageView;
import dev.quire.lists.security.Caller;
import dev.quire.lists.site.SiteQueue;

/**
 * {@code /api/queue}: the MTA's queue for site admins, through the MTA's admin API: the sizes and {@code mailq}
 * ({@code GET}), and {@code POST /api/queue/{hold|release|requeue|delete}} with {@code {ids: [...]}}.
 */
@Path("/queue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    @Inject
    Caller caller;

    @Inject
    SiteQueue queue;

    /** The sizes of every queue and the messages asked for, from {@code offset} of {@code total}. */
    public record QueueView(Map<String, Integer> sizes, int offset, int total, List<QueueMessageView> messages) {
    }

    /** What an action did to each message. */
    public record ActionsView(List<SiteQueue.Outcome> results) {
    }

    @GET
    @Operation(summary = "Queue sizes and the queued messages (mailq): id, queue, sender, recipients, size, age,"
            + " last error")
    @APIResponse(responseCode = "400", description = "no such queue")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    @APIResponse(responseCode = "502", description = "the MTA's admin API did not answer")
    public QueueView list(@Parameter(description = "incoming, active, deferred, slow, hold or corrupt; all when"
            + " absent") @QueryParam("queue") String name,
            @Parameter(description = "messages to skip (default 0)") @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "at most this many messages (default 0: all)") @QueryParam("limit") @DefaultValue("0") int limit) {
        SiteQueue.Snapshot s = queue.list(caller.require(), name, offset, limit);
        Instant now = Instant.now();
        return new QueueView(s.sizes(), s.offset(), s.total(),
                s.messages().stream().map(e -> QueueMessageView.of(e, now)).toList());
    }

    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Holds, releases, requeues or deletes messages: {ids: [queue ids]}; each result says"
            + " whether it was done (a message being delivered right now cannot be)")
    @APIResponse(responseCode = "400", description = "an unknown action or a malformed id; nothing was changed")
    @APIResponse(responseCode = "502", description = "the MTA's admin API did not answer")
    public ActionsView act(@PathParam("action") String action, String body) {
        JsonBody b = JsonBody.parse(body, Set.of("ids"));
        List<String> ids = b.texts("ids");
        b.check();
        return new ActionsView(queue.act(caller.require(), action, ids));
    }
}
