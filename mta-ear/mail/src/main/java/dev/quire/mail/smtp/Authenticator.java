package dev.quire.mail.smtp;

import java.net.InetAddress;

/**
 * Checks the credentials of an SMTP AUTH exchange (RFC 4954). Called on the session's thread; the engine zeroes the
 * password array after the call, so an implementation must not keep it.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param username the authentication identity as the client sent it (UTF-8 decoded); untrusted
     * @param password the password; never log it
     * @param client the peer's address, for the implementation's own policy
     * @return success with the identity to record, failure, or a temporary failure
     */
    AuthResult authenticate(String username, char[] password, InetAddress client);
}
