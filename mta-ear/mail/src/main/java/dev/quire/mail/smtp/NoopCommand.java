package dev.quire.mail.smtp;

import java.io.IOException;

/** NOOP: does nothing; its argument is ignored as RFC 5321 allows. */
final class NoopCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        session.reply(Reply.ok("2.0.0", "Ok"));
    }
}
