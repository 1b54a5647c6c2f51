package dev.quire.lists.outgoing;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpClient;
import dev.quire.mail.smtp.SmtpException;

/**
 * One SMTP connection to the MTA's internal listener carrying many transactions, one per personalized copy
 * (MAIL, RCPT, DATA, and again), so a fan-out pays for one connection and one greeting. Not thread-safe.
 */
public final class MtaSession implements Closeable {
    /** What became of one copy. */
    public enum Outcome {
        QUEUED, REFUSED, DEFERRED
    }

    private final SmtpClient client;

    MtaSession(SmtpClient client) {
        this.client = client;
    }

    /** Queues one copy for one recipient; a refusal resets the transaction so the next can follow. */
    public Outcome send(EmailAddress sender, EmailAddress recipient, byte[] message) throws IOException {
        Reply mail = client.mailFrom(sender);
        if (!mail.isPositive()) {
            throw new SmtpException("the MTA refused MAIL FROM", mail);
        }
        Reply rcpt = client.rcptTo(recipient);
        if (!rcpt.isPositive()) {
            client.rset();
            return rcpt.isTransient() ? Outcome.DEFERRED : Outcome.REFUSED;
        }
        List<Reply> replies = client.data(new ByteArrayInputStream(message), 1);
        Reply end = replies.get(0);
        if (end.isPositive()) {
            return Outcome.QUEUED;
        }
        if (end.code() == 354 || end.code() / 100 == 3) {
            throw new SmtpException("unexpected DATA reply", end);
        }
        return end.isTransient() ? Outcome.DEFERRED : Outcome.REFUSED;
    }

    @Override
    public void close() {
        client.quit();
        client.close();
    }
}
