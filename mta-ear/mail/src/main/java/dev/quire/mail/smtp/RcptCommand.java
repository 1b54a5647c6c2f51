package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;
import java.io.IOException;

/**
 * RCPT TO: adds a recipient to the open transaction, bounded by the recipient limit; UTF-8 addresses only in an
 * SMTPUTF8 transaction, NOTIFY and ORCPT checked.
 */
final class RcptCommand implements Command {

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (!session.inTransaction()) {
            session.error(new Reply(503, "5.5.1", "Error: need MAIL command"));
            return;
        }
        PathArgument path = PathArgument.parse(argument, "TO:");
        if (path == null) {
            session.error(new Reply(501, "5.5.4", "Syntax: RCPT TO:<address> [parameters]"));
            return;
        }
        if (!session.utf8Transaction() && !MailCommand.isAscii(path.path())) {
            session.error(new Reply(553, "5.6.7", "Recipient address needs SMTPUTF8"));
            return;
        }
        EmailAddress recipient;
        try {
            recipient = path.path().equalsIgnoreCase("postmaster")
                    ? EmailAddress.of("postmaster", session.config().hostname())
                    : EmailAddress.parse(path.path(), session.utf8Transaction());
        } catch (InvalidAddressException e) {
            session.error(new Reply(501, "5.1.3", "Bad recipient address syntax"));
            return;
        }
        Reply dsnProblem = DsnParameters.checkRcpt(path.params());
        if (dsnProblem != null) {
            session.error(dsnProblem);
            return;
        }
        if (session.acceptedRecipients() >= session.config().maxRecipients()) {
            session.reply(new Reply(452, "4.5.3", "Error: too many recipients"));
            return;
        }
        session.addRecipient(recipient, path.params());
    }
}
