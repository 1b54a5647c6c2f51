package dev.quire.mta.queue;

import java.time.Instant;
import java.util.List;

/**
 * One line of {@code mailq}: a queued message as an admin sees it.
 *
 * @param id the queue id
 * @param queue the queue it is in, lower case
 * @param size the message size in octets
 * @param arrivedAt when it was accepted
 * @param sender the envelope sender, empty for {@code <>}
 * @param recipients the deliveries still pending
 * @param lastError why the last attempt did not finish, if it did not
 * @param nextAttemptAt when a deferred message is due
 */
public record QueueEntryView(String id, String queue, long size, Instant arrivedAt, String sender,
        List<String> recipients, String lastError, Instant nextAttemptAt) {
}
