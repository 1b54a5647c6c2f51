package dev.quire.mail.smtp;

import java.io.IOException;

/** RSET: abandons the current transaction. */
final class RsetCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (!argument.isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: RSET"));
            return;
        }
        session.endTransaction();
        session.reply(Reply.ok("2.0.0", "Ok"));
    }
}
