package dev.quire.mail.smtp;

import java.io.IOException;

/** HELP: lists the verbs of the session's protocol. */
final class HelpCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        String greetings = session.isLmtp() ? "LHLO" : "HELO EHLO";
        session.reply(new Reply(214, "2.0.0",
                "Commands: " + greetings + " MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH"));
    }
}
