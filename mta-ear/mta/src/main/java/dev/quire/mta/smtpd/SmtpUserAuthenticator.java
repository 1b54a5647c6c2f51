package dev.quire.mta.smtpd;

import java.net.InetAddress;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.user.SmtpUserRepository;
import dev.quire.mail.smtp.AuthResult;
import dev.quire.mail.smtp.Authenticator;

/**
 * SMTP AUTH against the accounts in the database. Imported hashes are upgraded at a successful login; a
 * database that does not answer is a temporary failure (454), never a refusal.
 */
@ApplicationScoped
public class SmtpUserAuthenticator implements Authenticator {
    private static final Logger LOG = Logger.getLogger(SmtpUserAuthenticator.class.getName());

    @Inject
    SmtpUserRepository users;

    @Override
    public AuthResult authenticate(String username, char[] password, InetAddress client) {
        try {
            return users.login(username, password).<AuthResult>map(AuthResult.Success::new)
                    .orElseGet(AuthResult.Failure::new);
        } catch (RuntimeException e) {
            LOG.warning(() -> "AUTH for " + username + " from " + client.getHostAddress()
                    + ": account store unavailable: " + e.getMessage());
            return new AuthResult.TemporaryFailure("account store unavailable");
        }
    }
}
