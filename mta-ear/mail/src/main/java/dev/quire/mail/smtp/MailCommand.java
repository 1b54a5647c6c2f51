package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;
import java.io.IOException;

/** MAIL FROM: opens a transaction with a new {@link MessageHandler}. */
final class MailCommand implements Command {

    private static final Reply SYNTAX = new Reply(501, "5.5.4", "Syntax: MAIL FROM:<address> [parameters]");

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (session.heloName() == null) {
            session.error(
                    new Reply(503, "5.5.1", "Error: send " + (session.isLmtp() ? "LHLO" : "HELO/EHLO") + " first"));
            return;
        }
        if (session.inTransaction()) {
            session.error(new Reply(503, "5.5.1", "Error: nested MAIL command"));
            return;
        }
        PathArgument path = PathArgument.parse(argument, "FROM:");
        if (path == null) {
            session.error(SYNTAX);
            return;
        }
        EmailAddress sender = null;
        if (!path.path().isEmpty()) {
            try {
                sender = EmailAddress.parse(path.path());
            } catch (InvalidAddressException e) {
                session.error(new Reply(501, "5.1.7", "Bad sender address syntax"));
                return;
            }
        }
        Reply paramProblem = checkParams(path, session.config().maxMessageSize());
        if (paramProblem != null) {
            session.reply(paramProblem);
            return;
        }
        session.beginTransaction(sender, path.params());
    }

    private static Reply checkParams(PathArgument path, long maxSize) {
        String size = path.params().get("SIZE");
        if (size != null) {
            long declared;
            try {
                declared = Long.parseLong(size);
            } catch (NumberFormatException e) {
                return SYNTAX;
            }
            if (declared < 0) {
                return SYNTAX;
            }
            if (declared > maxSize) {
                return new Reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
            }
        }
        String body = path.params().get("BODY");
        if (body != null && !body.equalsIgnoreCase("7BIT") && !body.equalsIgnoreCase("8BITMIME")) {
            return new Reply(501, "5.5.4", "Unsupported BODY type");
        }
        return null;
    }
}
