package dev.quire.mta.admin;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.quire.mta.queue.QueueEntryView;
import dev.quire.mta.queue.QueueManager;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.QueueName;

/**
 * The queue for admins: sizes ({@code GET /mta/api/queue}), {@code mailq} ({@code GET .../messages}, paged with
 * {@code offset} and {@code limit}), and
 * hold, requeue (release) and delete of one message.
 */
@Path("/queue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    @Inject
    QueueManager queue;

    /** The outcome of an action on one message. */
    public record ActionView(String id, String action) {
    }

    @GET
    public Map<QueueName, Integer> sizes() throws IOException {
        return queue.sizes();
    }

    @GET
    @Path("/messages")
    public List<QueueEntryView> messages(@QueryParam("queue") String name,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("0") int limit)
            throws IOException {
        if (offset < 0 || limit < 0) {
            throw new BadRequestException("offset and limit must not be negative");
        }
        return queue.list(Optional.ofNullable(name).filter(n -> !n.isBlank()).map(QueueResource::queueName), offset,
                limit == 0 ? Integer.MAX_VALUE : limit);
    }

    /** How many messages a flush made due. */
    public record FlushView(int requeued) {
    }

    @POST
    @Path("/flush")
    public FlushView flush() throws IOException {
        return new FlushView(queue.flush());
    }

    @POST
    @Path("/messages/{id}/hold")
    public ActionView hold(@PathParam("id") String id) throws IOException {
        return done(queue.hold(queueId(id)), id, "held");
    }

    @POST
    @Path("/messages/{id}/requeue")
    public ActionView requeue(@PathParam("id") String id) throws IOException {
        return done(queue.requeue(queueId(id)), id, "requeued");
    }

    @DELETE
    @Path("/messages/{id}")
    public ActionView delete(@PathParam("id") String id) throws IOException {
        return done(queue.delete(queueId(id)), id, "deleted");
    }

    private static ActionView done(boolean done, String id, String action) {
        if (!done) {
            throw new NotFoundException("no message " + id + " waiting in a queue that allows that (it may be"
                    + " being delivered right now)");
        }
        return new ActionView(id, action);
    }

    private static QueueId queueId(String id) {
        try {
            return new QueueId(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("not a queue id: " + id);
        }
    }

    private static QueueName queueName(String name) {
        try {
            return QueueName.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("no queue named " + name);
        }
    }
}
