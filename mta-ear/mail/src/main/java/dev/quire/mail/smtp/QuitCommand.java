package dev.quire.mail.smtp;

import java.io.IOException;

/** QUIT: says goodbye and ends the session. */
final class QuitCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        session.reply(new Reply(221, "2.0.0", "Bye"));
        session.quit();
    }
}
