package dev.quire.mta.routing.table;

import java.util.Objects;

import dev.quire.mail.EmailAddress;

/**
 * An old list address rewritten to the lists domain; the router delivers to {@code address} only if
 * {@code list} exists.
 *
 * @param list the list's posting address in the lists domain, suffix and detail removed, lower-cased
 *            ({@code info-en@lists.foundation.example})
 * @param address the same local part as received, at the lists domain
 *            ({@code info-en-bounces+x=y@lists.foundation.example})
 */
public record LegacyListCandidate(EmailAddress list, EmailAddress address) {
    public LegacyListCandidate {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(address, "address");
    }
}
