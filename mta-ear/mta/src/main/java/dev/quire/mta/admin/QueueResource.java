package dev.quire.mta.admin;

import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.quire.mta.queue.QueueManager;
import dev.quire.mta.spool.QueueName;

/** {@code GET /mta/api/queue}: how many messages each queue holds. */
@Path("/queue")
@RequestScoped
public class QueueResource {
    @Inject
    QueueManager queue;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<QueueName, Integer> sizes() throws IOException {
        return queue.sizes();
    }
}
