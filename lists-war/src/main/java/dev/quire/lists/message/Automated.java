package dev.quire.lists.message;

import java.util.Locale;

import dev.quire.mail.EmailAddress;

/**
 * Whether a message was sent by a machine (an auto-responder, a bounce, another list), so the list engine
 * must neither act on it nor answer it: answering robots makes mail loops. RFC 3834's Auto-Submitted, the
 * de-facto Precedence bulk/junk/list, and the null reverse-path of bounces.
 */
public final class Automated {
    private Automated() {
    }

    /** True for a null envelope sender or a message marked as automatic. */
    public static boolean is(MailMessage message, EmailAddress envelopeSender) {
        if (envelopeSender == null) {
            return true;
        }
        String auto = message.header("Auto-Submitted").orElse("no").toLowerCase(Locale.ROOT);
        if (!auto.startsWith("no")) {
            return true;
        }
        String precedence = message.header("Precedence").orElse("").toLowerCase(Locale.ROOT).strip();
        return precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list");
    }
}
