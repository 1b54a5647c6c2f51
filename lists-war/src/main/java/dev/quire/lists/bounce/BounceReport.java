package dev.quire.lists.bounce;

import dev.quire.db.list.BounceMethod;
import dev.quire.mail.EmailAddress;

/**
 * What a bounce says about one recipient: who, whether the failure is permanent, the enhanced status code
 * (RFC 3463) when it gave one, the remote diagnostic, and how it was recognized.
 *
 * @param address the recipient that failed
 * @param permanent true for a failure (5.x.x), false for a delay or temporary failure (4.x.x)
 * @param status the enhanced status code such as {@code 5.1.1}, or null
 * @param diagnostic the remote server's words, or null
 * @param method how the recipient was found: its VERP address, a DSN, or the text
 */
public record BounceReport(EmailAddress address, boolean permanent, String status, String diagnostic,
        BounceMethod method) {
    /** The same report found another way (VERP names the member; the DSN says what happened). */
    BounceReport as(EmailAddress address, BounceMethod method) {
        return new BounceReport(address, permanent, status, diagnostic, method);
    }
}
