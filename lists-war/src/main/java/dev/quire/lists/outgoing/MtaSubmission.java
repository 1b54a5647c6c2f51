package dev.quire.lists.outgoing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpClient;
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
        int batch = Math.max(1, settings.maxRecipients());
        try (SmtpClient client = SmtpClient.connect(settings.mtaHost(), settings.mtaPort(), TIMEOUT, false,
                settings.hostname())) {
            for (int from = 0; from < recipients.size(); from += batch) {
                transaction(client, sender, recipients.subList(from, Math.min(recipients.size(), from + batch)),
                        message);
            }
            client.quit();
        }
    }

    private static void transaction(SmtpClient client, EmailAddress sender, List<EmailAddress> recipients,
            byte[] message) throws IOException {
        expect(client.mailFrom(sender));
        int accepted = 0;
        for (EmailAddress r : recipients) {
            Reply reply = client.rcptTo(r);
            if (reply.isPositive()) {
                accepted++;
            } else if (reply.isTransient()) {
                throw new SmtpException("the MTA deferred recipient <" + r + ">", reply);
            } else {
                LOG.warning(() -> "MTA refused list recipient <" + r + ">: " + reply.toWire());
            }
        }
        if (accepted > 0) {
            List<Reply> replies = client.data(new ByteArrayInputStream(message), accepted);
            expect(replies.get(0));
            LOG.info(() -> "handed to MTA: from=<" + sender + ">, nrcpt=" + recipients.size() + ": "
                    + replies.get(0).toWire());
        } else {
            client.rset();
        }
    }

    /**
     * Opens one connection for many transactions (personalized copies). XVERP: when the MTA advertises
     * Postfix's XVERP, a non-personalized list could get VERP in the single bulk transaction instead; that
     * would be a parameter on MAIL FROM in {@link #submit}, the one place to add it.
     */
    public MtaSession session() throws IOException {
        return new MtaSession(SmtpClient.connect(settings.mtaHost(), settings.mtaPort(), TIMEOUT, false,
                settings.hostname()));
    }

    private static void expect(Reply reply) throws SmtpException {
        if (!reply.isPositive()) {
            throw new SmtpException("the MTA refused the hand-off", reply);
        }
    }
}
