package dev.quire.mail.smtp;

import java.io.IOException;

/** EHLO: the extended greeting, answered with the extension list; SMTP only. */
final class EhloCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (session.isLmtp()) {
            session.error(new Reply(500, "5.5.1", "Error: LMTP requires LHLO"));
        } else if (argument.isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: EHLO hostname"));
        } else {
            session.greet(argument);
            session.reply(session.extensionsReply());
        }
    }
}
