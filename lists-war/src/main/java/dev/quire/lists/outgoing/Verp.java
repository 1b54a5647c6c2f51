package dev.quire.lists.outgoing;

import dev.quire.mail.EmailAddress;

/**
 * VERP (variable envelope return path) as Mailman and Postfix write it: the bounce address of a list with
 * the recipient folded into its detail, {@code list-bounces+user=example.org@lists.example.net}, so a bounce
 * names the member it is about without parsing its content.
 */
public final class Verp {
    private Verp() {
    }

    public static EmailAddress encode(EmailAddress bounces, EmailAddress recipient) {
        return EmailAddress.of(bounces.localPart() + "+" + recipient.localPart() + "=" + recipient.domain(),
                bounces.domain());
    }
}
