package dev.quire.mail.smtp;

import java.io.IOException;

/** VRFY: never reveals whether a mailbox exists (RFC 5321 section 3.5.3 reply 252). */
final class VrfyCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (argument.isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: VRFY address"));
        } else {
            session.reply(new Reply(252, "2.5.2", "Cannot VRFY user, but will accept message and attempt delivery"));
        }
    }
}
