package dev.quire.mail.smtp;

import java.io.IOException;

/** HELO: the RFC 821 greeting; SMTP only. */
final class HeloCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (session.isLmtp()) {
            session.error(new Reply(500, "5.5.1", "Error: LMTP requires LHLO"));
        } else if (argument.isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: HELO hostname"));
        } else {
            session.greet(argument);
            session.reply(new Reply(250, null, session.config().hostname()));
        }
    }
}
