package dev.quire.mta.spool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.quire.mail.EmailAddress;

/**
 * A queued message's envelope: who sent it, who still has to receive it, and its delivery history.
 *
 * @param id the queue id
 * @param sender the envelope sender; null for the null reverse-path {@code <>}
 * @param pending deliveries not yet made (aliases already expanded)
 * @param failed deliveries that failed for good and whose sender has not been told yet
 * @param arrivedAt when the message was accepted
 * @param attempts delivery attempts so far
 * @param nextAttemptAt when a deferred message is due again
 * @param lastError the latest transient failure, or null
 * @param heloName the HELO name for delivering it onward, or null for the MTA's own name
 * @param dsn the client's RFC 3461 message parameters (RET, ENVID)
 * @param delayWarned whether the sender was told that delivery is delayed
 */
public record Envelope(QueueId id, EmailAddress sender, List<Recipient> pending, List<Failure> failed,
        Instant arrivedAt, int attempts, Instant nextAttemptAt, String lastError, String heloName, Dsn dsn,
        boolean delayWarned) {

    public Envelope {
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        dsn = dsn == null ? Dsn.NONE : dsn;
    }

    /**
     * RFC 3461 parameters of the MAIL command.
     *
     * @param ret {@code FULL}, {@code HDRS} or null when not given
     * @param envid the envelope id as received (xtext), or null
     */
    public record Dsn(String ret, String envid) {
        public static final Dsn NONE = new Dsn(null, null);
    }

    /** A fresh envelope for a message just accepted. */
    public static Envelope accepted(QueueId id, EmailAddress sender, List<Recipient> recipients) {
        Instant now = Instant.now();
        return new Envelope(id, sender, recipients, List.of(), now, 0, now, null, null, Dsn.NONE, false);
    }

    /** The envelope after a delivery attempt: what is still pending, and the new permanent failures. */
    public Envelope afterAttempt(List<Recipient> stillPending, List<Failure> newFailures, Instant next,
            String error) {
        List<Failure> all = new ArrayList<>(failed);
        all.addAll(newFailures);
        return new Envelope(id, sender, stillPending, all, arrivedAt, attempts + 1, next, error, heloName, dsn,
                delayWarned);
    }

    /** The same envelope with recipients that failed before any delivery (at the queue's cleanup). */
    public Envelope withFailures(List<Failure> failures) {
        return new Envelope(id, sender, pending, failures, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, delayWarned);
    }

    /** The same envelope, to be delivered onward with another HELO name. */
    public Envelope withHeloName(String name) {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, name, dsn,
                delayWarned);
    }

    /** The same envelope with the client's DSN parameters. */
    public Envelope withDsn(Dsn parameters) {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                parameters, delayWarned);
    }

    /** The same envelope once its failures were reported to the sender. */
    public Envelope failuresReported() {
        return new Envelope(id, sender, pending, List.of(), arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, delayWarned);
    }

    /** The same envelope once the sender was warned of the delay. */
    public Envelope delayReported() {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, true);
    }

    /** A delivery that cannot be made, and the reply or reason that says why. */
    public record Failure(Recipient recipient, String reason) {
    }
}
