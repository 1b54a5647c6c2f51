package dev.quire.mail.smtp;

import java.io.IOException;

/** LHLO: the LMTP greeting (RFC 2033), answered like EHLO; LMTP only. */
final class LhloCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (!session.isLmtp()) {
            session.error(new Reply(500, "5.5.1", "Error: LHLO is for LMTP; use EHLO"));
        } else if (argument.isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: LHLO hostname"));
        } else {
            session.greet(argument);
            session.reply(session.extensionsReply());
        }
    }
}
