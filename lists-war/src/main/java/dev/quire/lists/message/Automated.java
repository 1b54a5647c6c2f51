package dev.quire.lists.message;

import java.util.Locale;
import java.util.Set;

import dev.quire.mail.EmailAddress;

/**
 * Whether a message looks machine-sent, so the list engine does not answer it (RFC 3834): a null sender,
 * {@code Auto-Submitted} other than {@code no}, {@code Precedence: bulk, junk or list}, a list's header
 * fields, or a sender such as MAILER-DAEMON, a {@code -bounces} or {@code -request} address, or noreply.
 */
public final class Automated {
    private static final Set<String> PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final Set<String> LOCAL_PARTS = Set.of("mailer-daemon", "postmaster", "noreply", "no-reply",
            "do-not-reply", "donotreply");

    private Automated() {
    }

    /** True when no notice should be sent to {@code sender} about this message. */
    public static boolean looksAutomated(MailMessage message, EmailAddress sender) {
        if (sender == null) {
            return true;
        }
        String local = sender.localPart().toLowerCase(Locale.ROOT);
        if (LOCAL_PARTS.contains(local) || local.endsWith("-bounces") || local.contains("-bounces+")
                || local.endsWith("-request") || local.startsWith("owner-")) {
            return true;
        }
        String autoSubmitted = message.header("Auto-Submitted").orElse("no").strip().toLowerCase(Locale.ROOT);
        String precedence = message.header("Precedence").orElse("").strip().toLowerCase(Locale.ROOT);
        return !autoSubmitted.startsWith("no") || PRECEDENCE.contains(precedence)
                || message.header("List-Id").isPresent() || message.header("List-Unsubscribe").isPresent();
    }
}
