package dev.quire.mta.bounce;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.quire.mail.EmailAddress;

/**
 * One recipient's entry in a delivery status notification (RFC 3464 section 2.3).
 *
 * @param finalRecipient the address the MTA tried to deliver to
 * @param originalRecipient the ORCPT address when the client gave one, or null
 * @param orcptRaw the ORCPT parameter as received ({@code rfc822;jdoe@example.org}, xtext-encoded), or null
 * @param action what happened
 * @param status the RFC 3463 status code, such as {@code 5.1.1}
 * @param diagnostic the remote reply or local reason, such as {@code 550 5.1.1 <x>: User unknown}, or null
 * @param remoteMta the host that gave the reply, or null
 * @param lastAttempt when delivery was last tried, or null
 * @param willRetryUntil when a delayed delivery will be given up, or null
 */
public record DsnRecipient(EmailAddress finalRecipient, EmailAddress originalRecipient, String orcptRaw,
        Action action, String status, String diagnostic, String remoteMta, Instant lastAttempt,
        Instant willRetryUntil) {
    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    public DsnRecipient {
        Objects.requireNonNull(finalRecipient, "finalRecipient");
        Objects.requireNonNull(action, "action");
        if (status == null || !STATUS.matcher(status).matches()) {
            throw new IllegalArgumentException("not an RFC 3463 status code: " + status);
        }
    }

    /** A permanent failure with the remote host's reply. */
    public static DsnRecipient failed(EmailAddress recipient, String status, String diagnostic, String remoteMta,
            Instant lastAttempt) {
        return new DsnRecipient(recipient, null, null, Action.FAILED, status, diagnostic, remoteMta, lastAttempt,
                null);
    }

    /** A delivery still being retried until {@code willRetryUntil}. */
    public static DsnRecipient delayed(EmailAddress recipient, String status, String diagnostic, String remoteMta,
            Instant lastAttempt, Instant willRetryUntil) {
        return new DsnRecipient(recipient, null, null, Action.DELAYED, status, diagnostic, remoteMta, lastAttempt,
                willRetryUntil);
    }

    /** The same entry with the client's ORCPT parameter and the address it names. */
    public DsnRecipient withOrcpt(String raw, EmailAddress original) {
        return new DsnRecipient(finalRecipient, original, raw, action, status, diagnostic, remoteMta, lastAttempt,
                willRetryUntil);
    }
}
