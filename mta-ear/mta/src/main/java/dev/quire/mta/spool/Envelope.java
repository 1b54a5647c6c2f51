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
 * @param verp the two VERP delimiters the client asked for with XVERP (e.g. {@code +=}), or null: then each
 *        recipient gets its own envelope sender, {@code local+user=domain@senderdomain} (Postfix's XVERP)
 */
public record Envelope(QueueId id, EmailAddress sender, List<Recipient> pending, List<Failure> failed,
        Instant arrivedAt, int attempts, Instant nextAttemptAt, String lastError, String heloName, Dsn dsn,
        boolean delayWarned, String verp) {

    public Envelope {
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        dsn = dsn == null ? Dsn.NONE : dsn;
        if (verp != null && (verp.length() != 2 || VERP_DELIMITERS.indexOf(verp.charAt(0)) < 0
                || VERP_DELIMITERS.indexOf(verp.charAt(1)) < 0)) {
            throw new IllegalArgumentException("VERP delimiters must be two of " + VERP_DELIMITERS + ": " + verp);
        }
    }

    /** The characters allowed as VERP delimiters (Postfix's verp_delimiter_filter). */
    public static final String VERP_DELIMITERS = "-=+";

    /** The VERP delimiters when XVERP comes without any (Postfix's verp_delimiters). */
    public static final String DEFAULT_VERP = "+=";

    /**
     * The envelope sender for one recipient: the sender itself, or with VERP the sender with the recipient the
     * client named folded into its local part ({@code list-bounces+user=example.org@lists.example}); the null
     * sender stays null.
     */
    public EmailAddress senderFor(Recipient r) {
        if (verp == null || sender == null) {
            return sender;
        }
        EmailAddress to = r.original();
        try {
            return EmailAddress.of(sender.localPart() + verp.charAt(0) + to.localPart() + verp.charAt(1)
                    + to.domain(), sender.domain());
        } catch (RuntimeException e) {
            return sender; // a recipient that cannot be folded into a local part (quoted) keeps the plain sender
        }
    }

    /** The same envelope with VERP delimiters (XVERP). */
    public Envelope withVerp(String delimiters) {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, delayWarned, delimiters);
    }

    /** The envelope one group of recipients is delivered with: its own sender, no VERP left to apply. */
    public Envelope sentAs(EmailAddress from) {
        return new Envelope(id, from, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, delayWarned, null);
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
        return new Envelope(id, sender, recipients, List.of(), now, 0, now, null, null, Dsn.NONE, false, null);
    }

    /**
     * The envelope after an attempt that found a destination full: what is still pending (those waiting for a slot,
     * and any deferred with them) and the new permanent failures; it does not count as an attempt.
     */
    public Envelope waiting(List<Recipient> stillPending, List<Failure> newFailures) {
        List<Failure> all = new ArrayList<>(failed);
        all.addAll(newFailures);
        return new Envelope(id, sender, stillPending, all, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, delayWarned, verp);
    }

    /** The envelope after a delivery attempt: what is still pending, and the new permanent failures. */
    public Envelope afterAttempt(List<Recipient> stillPending, List<Failure> newFailures, Instant next,
            String error) {
        List<Failure> all = new ArrayList<>(failed);
        all.addAll(newFailures);
        return new Envelope(id, sender, stillPending, all, arrivedAt, attempts + 1, next, error, heloName, dsn,
                delayWarned, verp);
    }

    /** The same envelope with recipients that failed before any delivery (at the queue's cleanup). */
    public Envelope withFailures(List<Failure> failures) {
        return new Envelope(id, sender, pending, failures, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, delayWarned, verp);
    }

    /** The same envelope, to be delivered onward with another HELO name. */
    public Envelope withHeloName(String name) {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, name, dsn,
                delayWarned, verp);
    }

    /** The same envelope with the client's DSN parameters. */
    public Envelope withDsn(Dsn parameters) {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                parameters, delayWarned, verp);
    }

    /** The same envelope once its failures were reported to the sender. */
    public Envelope failuresReported() {
        return new Envelope(id, sender, pending, List.of(), arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, delayWarned, verp);
    }

    /** The same envelope once the sender was warned of the delay. */
    public Envelope delayReported() {
        return new Envelope(id, sender, pending, failed, arrivedAt, attempts, nextAttemptAt, lastError, heloName,
                dsn, true, verp);
    }

    /** A delivery that cannot be made, and the reply or reason that says why. */
    public record Failure(Recipient recipient, String reason) {
    }
}
