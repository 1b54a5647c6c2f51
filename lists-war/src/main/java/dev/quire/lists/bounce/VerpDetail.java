package dev.quire.lists.bounce;

import java.util.Optional;

import dev.quire.mail.EmailAddress;

/**
 * The member named by a VERP bounce address: {@code list-bounces+carol=remote.test@domain} came back from a
 * copy sent to {@code carol@remote.test} (Postfix's XVERP and Mailman's format: the {@code @} of the
 * recipient becomes {@code =}). A domain never holds {@code =}, so the last one splits the detail.
 */
public final class VerpDetail {
    private VerpDetail() {
    }

    /** The recipient encoded in a {@code -bounces} address detail, if it is one. */
    public static Optional<EmailAddress> recipient(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        int eq = detail.lastIndexOf('=');
        if (eq <= 0 || eq == detail.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.of(detail.substring(0, eq), detail.substring(eq + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The detail that names a recipient, for building the VERP address of its copy. */
    public static String of(EmailAddress recipient) {
        return recipient.localPart() + "=" + recipient.domain();
    }
}
