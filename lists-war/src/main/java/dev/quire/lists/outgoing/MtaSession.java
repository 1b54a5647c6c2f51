package dev.quire.lists.outgoing;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.SmtpException;

/**
 * One SMTP connection to the MTA's internal listener carrying many transactions, one per personalized copy
 * (MAIL, RCPT and DATA pipelined, then the content), so a fan-out pays for one connection and one greeting
 * and two round trips per copy. Not thread-safe.
 */
public final class MtaSession implements Closeable {
    /** What became of one copy. */
    public enum Outcome {
        QUEUED, REFUSED, DEFERRED
    }

    private final PipelinedSmtp smtp;

    MtaSession(PipelinedSmtp smtp) {
        this.smtp = smtp;
    }

    /** Queues one copy for one recipient; a refusal leaves the session ready for the next copy. */
    public Outcome send(EmailAddress sender, EmailAddress recipient, byte[] message) throws IOException {
        PipelinedSmtp.Result r = smtp.send(sender, List.of(recipient), message);
        if (!r.mail().isPositive()) {
            throw new SmtpException("the MTA refused MAIL FROM", r.mail());
        }
        if (r.queued()) {
            return Outcome.QUEUED;
        }
        boolean transientFailure = r.rcpts().get(0).isTransient() || (r.data() != null && r.data().isTransient())
                || (r.end() != null && r.end().isTransient());
        return transientFailure ? Outcome.DEFERRED : Outcome.REFUSED;
    }

    @Override
    public void close() throws IOException {
        smtp.quit();
        smtp.close();
    }
}
