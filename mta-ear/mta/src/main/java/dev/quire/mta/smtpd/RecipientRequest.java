package dev.quire.mta.smtpd;

import java.net.InetAddress;
import java.util.Optional;

import dev.quire.mail.EmailAddress;

/**
 * What a recipient check may look at.
 *
 * @param client the connecting client's address
 * @param authenticatedUser who authenticated with SMTP AUTH in this session, if anyone
 * @param recipient the RCPT TO address
 */
public record RecipientRequest(InetAddress client, Optional<String> authenticatedUser, EmailAddress recipient) {
}
