package dev.quire.mta.spool;

import java.time.Instant;
import java.util.List;

import dev.quire.mail.EmailAddress;

/**
 * A queued message's envelope: who sent it, who still has to receive it, and its delivery history.
 *
 * @param id the queue id
 * @param sender the envelope sender; null for the null reverse-path {@code <>}
 * @param pending recipients not yet delivered
 * @param failed recipients that failed permanently, with the reason
 * @param arrivedAt when the message was accepted
 * @param attempts delivery attempts so far
 * @param nextAttemptAt when a deferred message is due again
 * @param lastError the latest transient failure, or null
 */
public record Envelope(QueueId id, EmailAddress sender, List<EmailAddress> pending, List<Failure> failed,
        Instant arrivedAt, int attempts, Instant nextAttemptAt, String lastError) {

    public Envelope {
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
    }

    /** A fresh envelope for a message just accepted. */
    public static Envelope accepted(QueueId id, EmailAddress sender, List<EmailAddress> recipients) {
        Instant now = Instant.now();
        return new Envelope(id, sender, recipients, List.of(), now, 0, now, null);
    }

    /** The envelope after a delivery attempt. */
    public Envelope afterAttempt(List<EmailAddress> stillPending, List<Failure> newFailures, Instant next,
            String error) {
        List<Failure> all = new java.util.ArrayList<>(failed);
        all.addAll(newFailures);
        return new Envelope(id, sender, stillPending, all, arrivedAt, attempts + 1, next, error);
    }

    /** A recipient that cannot be delivered, and the reply or reason that says why. */
    public record Failure(EmailAddress recipient, String reason) {
    }
}
