package dev.quire.mail.smtp;

import java.io.IOException;

/**
 * STARTTLS (RFC 3207): answers {@code 220 2.0.0}, then the session drops any input pipelined behind the command, runs
 * the handshake and starts over; the client must greet again.
 */
final class StartTlsCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (session.config().tls().isEmpty()) {
            session.error(CommandRegistry.UNKNOWN); // not offered: as if the verb did not exist
        } else if (session.isTls()) {
            session.error(new Reply(503, "5.5.1", "Error: TLS already active"));
        } else if (!argument.isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: STARTTLS"));
        } else if (session.inTransaction()) {
            session.error(new Reply(503, "5.5.1", "Error: MAIL transaction in progress"));
        } else {
            session.reply(new Reply(220, "2.0.0", "Ready to start TLS"));
            session.startTls();
        }
    }
}
