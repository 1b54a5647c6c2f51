package dev.quire.mta.smtpd;

import java.net.InetAddress;

import dev.quire.mail.EmailAddress;

/** One recipient restriction, in the manner of Postfix's {@code smtpd_recipient_restrictions}. */
public interface RecipientCheck {
    Verdict check(InetAddress client, EmailAddress recipient);
}
