package dev.quire.lists.outgoing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpException;

/**
 * Submits a message to the MTA's internal listener. It returns only when the MTA has queued the message
 * (250 after DATA); anything else is an exception, so the LMTP delivery that caused it is retried.
 */
@ApplicationScoped
public class MtaSubmission {
    private static final Logger LOG = Logger.getLogger(MtaSubmission.class.getName());
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Inject
    ListsSettings settings;

    /**
     * Queues one copy for many recipients: transactions of at most {@code quire.smtp.maxrcpt} recipients (the
     * MTA's own limit) on one connection. Recipients the MTA refuses for good are logged and skipped; a
     * deferred recipient or a refused transaction is an exception.
     */
    public void submit(EmailAddress sender, List<EmailAddress> recipients, byte[] message) throws IOException {
        submit(sender, recipients, message, false);
    }

    /**
     * As {@link #submit(EmailAddress, List, byte[])}; with {@code verp}, and when the MTA offers Postfix's XVERP,
     * the hand-off asks the MTA to send each recipient's copy from its own VERP address, so a bounce names
     * its member while the list engine still hands over one copy. An MTA without XVERP gets the plain sender.
     */
    public void submit(EmailAddress sender, List<EmailAddress> recipients, byte[] message, boolean verp)
            throws IOException {
        int batch = Math.max(1, settings.maxRecipients());
        try (PipelinedSmtp smtp = PipelinedSmtp.connect(settings.mtaHost(), settings.mtaPort(), TIMEOUT,
                settings.hostname())) {
            boolean xverp = verp && smtp.offersXverp();
            if (verp && !xverp) {
                LOG.warning(() -> "the MTA does not offer XVERP: " + sender + " goes out without VERP");
            }
            for (int from = 0; from < recipients.size(); from += batch) {
                transaction(smtp, sender, recipients.subList(from, Math.min(recipients.size(), from + batch)),
                        message, xverp);
            }
            smtp.quit();
        }
    }

    private static void transaction(PipelinedSmtp smtp, EmailAddress sender, List<EmailAddress> recipients,
            byte[] message, boolean xverp) throws IOException {
        PipelinedSmtp.Result result = smtp.send(sender, recipients, message, xverp);
        expect(result.mail());
        for (int i = 0; i < recipients.size(); i++) {
            Reply reply = result.rcpts().get(i);
            EmailAddress r = recipients.get(i);
            if (reply.isTransient()) {
                throw new SmtpException("the MTA deferred recipient <" + r + ">", reply);
            } else if (!reply.isPositive()) {
                LOG.warning(() -> "MTA refused list recipient <" + r + ">: " + reply.toWire());
            }
        }
        if (result.accepted() > 0) {
            expect(result.data());
            expect(result.end());
            LOG.info(() -> "handed to MTA: from=<" + sender + ">, nrcpt=" + result.accepted() + ": "
                    + result.end().toWire());
        }
    }

    /** Opens one connection for many transactions (personalized copies, each with its own content). */
    public MtaSession session() throws IOException {
        return new MtaSession(PipelinedSmtp.connect(settings.mtaHost(), settings.mtaPort(), TIMEOUT,
                settings.hostname()));
    }

    private static void expect(Reply reply) throws SmtpException {
        if (reply == null) {
            throw new SmtpException("the MTA accepted no recipient", new Reply(554, null, "no recipients"));
        }
        if (!reply.isPositive()) {
            throw new SmtpException("the MTA refused the hand-off", reply);
        }
    }
}
