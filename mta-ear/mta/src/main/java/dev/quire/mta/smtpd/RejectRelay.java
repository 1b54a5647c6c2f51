package dev.quire.mta.smtpd;

import java.net.InetAddress;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/** The last check of every listener: whatever no earlier check permitted is refused. */
public final class RejectRelay implements RecipientCheck {
    static final Reply DENIED = new Reply(554, "5.7.1", "Relay access denied");

    @Override
    public Verdict check(InetAddress client, EmailAddress recipient) {
        return new Verdict.Reject(DENIED);
    }
}
