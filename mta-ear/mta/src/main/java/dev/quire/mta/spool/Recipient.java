package dev.quire.mta.spool;

import dev.quire.mail.EmailAddress;

/**
 * One delivery the queue owes: where it goes, and the recipient the client named (before alias expansion),
 * for logs, Delivered-To and bounces.
 *
 * @param destination an address (routed at delivery), a command or a file
 * @param original the RCPT TO address this delivery came from
 * @param dsnNotify the client's RFC 3461 NOTIFY parameter for that RCPT, or null
 * @param dsnOrcpt the client's RFC 3461 ORCPT parameter as received, or null
 */
public record Recipient(Destination destination, EmailAddress original, String dsnNotify, String dsnOrcpt) {
    /** Where a delivery goes once aliases are expanded. */
    public sealed interface Destination {
    }

    /** An address: a local mailbox, a list, or a remote address, decided at delivery. */
    public record Mailbox(EmailAddress address) implements Destination {
    }

    /** A command from an alias ({@code |command}). */
    public record Pipe(String command) implements Destination {
    }

    /** A file from an alias ({@code /path/file}). */
    public record FileAppend(String path) implements Destination {
    }

    /** A delivery to the address the client named, with no alias in between. */
    public static Recipient to(EmailAddress address) {
        return new Recipient(new Mailbox(address), address, null, null);
    }

    /** A delivery to a destination that came from this original recipient, with its DSN parameters. */
    public static Recipient of(Destination destination, EmailAddress original, java.util.Map<String, String> params) {
        return new Recipient(destination, original, params.get("NOTIFY"), params.get("ORCPT"));
    }

    /** The mailbox address, when the destination is one. */
    public EmailAddress address() {
        return destination instanceof Mailbox m ? m.address() : null;
    }

    @Override
    public String toString() {
        String to;
        if (destination instanceof Mailbox m) {
            to = "<" + m.address() + ">";
        } else if (destination instanceof Pipe p) {
            to = "\"|" + p.command() + "\"";
        } else {
            to = ((FileAppend) destination).path();
        }
        return to + (destination instanceof Mailbox m && m.address().equals(original)
                ? ""
                : " (orig <" + original + ">)");
    }
}
