package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;
import java.io.IOException;

/**
 * MAIL FROM: opens a transaction with a new {@link MessageHandler}. Checks SIZE, BODY, SMTPUTF8 (RFC 6531: without it
 * a non-ASCII sender gets {@code 553 5.6.7}), the DSN parameters RET and ENVID, and XVERP (Postfix's syntax: {@code XVERP}
 * or {@code XVERP=+=}, two delimiters from {@code -=+}), which only a listener that advertises it accepts.
 */
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
        String utf8 = path.params().get("SMTPUTF8");
        if (utf8 != null && !utf8.isEmpty()) {
            session.error(SYNTAX);
            return;
        }
        EmailAddress sender = null;
        if (!path.path().isEmpty()) {
            if (utf8 == null && !isAscii(path.path())) {
                session.error(new Reply(553, "5.6.7", "Sender address needs SMTPUTF8"));
                return;
            }
            try {
                sender = EmailAddress.parse(path.path(), utf8 != null);
            } catch (InvalidAddressException e) {
                session.error(new Reply(501, "5.1.7", "Bad sender address syntax"));
                return;
            }
        }
        Reply paramProblem = checkParams(path, session.config().maxMessageSize());
        if (paramProblem == null) {
            paramProblem = DsnParameters.checkMail(path.params());
        }
        if (paramProblem == null) {
            paramProblem = checkXverp(path.params().get("XVERP"), session.config());
        }
        if (paramProblem != null) {
            session.reply(paramProblem);
            return;
        }
        session.beginTransaction(sender, path.params());
    }

    private static Reply checkXverp(String xverp, SmtpServerConfig config) {
        if (xverp == null) {
            return null;
        }
        if (!config.extraEhloKeywords().contains("XVERP")) {
            return new Reply(555, "5.5.4", "Unsupported option: XVERP");
        }
        if (!xverp.isEmpty() && (xverp.length() != 2 || "-=+".indexOf(xverp.charAt(0)) < 0
                || "-=+".indexOf(xverp.charAt(1)) < 0)) {
            return new Reply(501, "5.5.4", "Bad XVERP delimiters: use two of -=+");
        }
        return null;
    }

    /** True if the text needs no SMTPUTF8. */
    static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
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
