package dev.quire.mta.spool;

import java.time.Instant;
import java.util.List;

import dev.quire.mail.EmailAddress;

/**
 * A queued message's envelope: who sent it, who still has to receive it, and its delivery history.
 *
 * @param id the queue id
 * @param sender the envelope sender; null for the null reverse-path {@code <>}
 * @param pending deliveries not yet made (aliases already expanded)
 * @param failed recipients that failed permanently, with the reason
 * @param arrivedAt when the message was accepted
 * @param attempts delivery attempts so far
 * @param nextAttemptAt when a deferred message is due again
 * @param lastError the latest transient failure, or null
 * @param heloName the HELO name for delivering it onward, or null for the MTA's own name
 */
public record Envelope(QueueId id, EmailAddress sender, List<Recipient> pending, List<Failure> failed,
        Instant arrivedAt, int attempts, Instant nextAttemptAt, String lastError, String heloName) {

    public Envelope {
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
    }

    /** A fresh envelope for a message just accepted. */
    public static Envelope accepted(QueueId id, EmailAddress sender, List<Recipient> recipients) {
        Instant now = Instant.now();
        return new Envelope(id, sender, recipients, List.of(), now, 0, now, null, null);
    }

    /** The envelope after a delivery attempt. */
    public Envelope afterAttempt(List<Recipient> stillPending, List<Failure> newFailures, Instant next,
            String error) {
        List<Failure> all = new java.util.ArrayList<>(failed);
        all.addAll(newFailures);
        return new Envelope(id, sender, stillPending, all, arrivedAt, attempts + 1, next, error, heloName);
    }

    /** The same envelope with recipients that failed before any delivery (at the queue's cleanup). */
    public Envelope withFailures(List<Failure> failures) {
        return new Envelope(id, sender, pending, failures, arrivedAt, attempts, nextAttemptAt, lastError, heloName);
    }

    /** The same envelope, to be delivered onward with another HELO name. */
    public Envelope withHeloName(String name) {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, name);
    }

    /** A delivery that cannot be made, and the reply or reason that says why. */
    public record Failure(Recipient recipient, String reason) {
    }
}
