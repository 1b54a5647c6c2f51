package dev.quire.mail.smtp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;

/**
 * AUTH (RFC 4954) with PLAIN and LOGIN: gets the credentials through a {@link SaslExchange}, asks the configured
 * {@link Authenticator}, and counts failures per client address so that guessing is slowed and then refused. The
 * password is zeroed after the check and never logged.
 */
final class AuthCommand implements Command {

    static final Reply SUCCESS = new Reply(235, "2.7.0", "Authentication successful");
    static final Reply INVALID = new Reply(535, "5.7.8", "Authentication credentials invalid");
    static final Reply TEMPORARY = new Reply(454, "4.7.0", "Temporary authentication failure");
    static final Reply THROTTLED = new Reply(454, "4.7.0", "Too many failed authentication attempts; try later");

    private static final System.Logger LOG = System.getLogger(AuthCommand.class.getName());

    @Override
    public void execute(String argument, Session session) throws IOException {
        Reply refusal = refusal(session);
        if (refusal != null) {
            session.error(refusal);
            return;
        }
        String[] parts = argument.split(" ", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]"));
            return;
        }
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        if (!mechanism.equals("PLAIN") && !mechanism.equals("LOGIN")) {
            session.error(new Reply(504, "5.5.4", "Unrecognized authentication type"));
            return;
        }
        InetAddress client = session.remoteAddress().getAddress();
        if (session.throttle().blocked(client)) {
            session.reply(THROTTLED);
            return;
        }
        String initial = parts.length == 2 ? parts[1] : null;
        SaslExchange.Credentials credentials = mechanism.equals("PLAIN")
                ? SaslExchange.plain(session, initial)
                : SaslExchange.login(session, initial);
        if (credentials != null) {
            check(session, mechanism, credentials, client);
        }
    }

    private static Reply refusal(Session session) {
        if (session.config().authenticator().isEmpty()) {
            return new Reply(502, "5.5.1", "Error: authentication not enabled");
        }
        if (!session.authAllowed()) {
            return session.config().tls().isPresent()
                    ? RequireTlsCommand.MUST_STARTTLS
                    : new Reply(538, "5.7.11", "Encryption required for requested authentication mechanism");
        }
        if (session.heloName() == null) {
            return new Reply(503, "5.5.1", "Error: send " + (session.isLmtp() ? "LHLO" : "EHLO") + " first");
        }
        if (session.authenticatedUser().isPresent()) {
            return new Reply(503, "5.5.1", "Error: already authenticated");
        }
        if (session.inTransaction()) {
            return new Reply(503, "5.5.1", "Error: MAIL transaction in progress");
        }
        return null;
    }

    private static void check(Session session, String mechanism, SaslExchange.Credentials credentials,
            InetAddress client) throws IOException {
        AuthResult result;
        try {
            result = credentials.authorizationMismatch()
                    ? new AuthResult.Failure()
                    : session.config().authenticator().orElseThrow().authenticate(credentials.username(),
                            credentials.password(), client);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + session.sessionId() + ": authenticator failed", e);
            result = new AuthResult.TemporaryFailure("authenticator failed");
        } finally {
            Arrays.fill(credentials.password(), '\0');
        }
        if (result instanceof AuthResult.Success success) {
            session.authenticated(success.identity());
            LOG.log(Level.INFO, "session {0}: AUTH {1} succeeded for {2}", session.sessionId(), mechanism,
                    success.identity());
            session.reply(SUCCESS);
        } else if (result instanceof AuthResult.TemporaryFailure temporary) {
            LOG.log(Level.WARNING, "session {0}: AUTH {1} temporary failure: {2}", session.sessionId(), mechanism,
                    temporary.reason());
            session.reply(TEMPORARY);
        } else {
            session.throttle().failed(client);
            LOG.log(Level.INFO, "session {0}: AUTH {1} failed from {2}", session.sessionId(), mechanism,
                    client.getHostAddress());
            pause(session.config().authFailureDelay().toMillis());
            session.error(INVALID);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
