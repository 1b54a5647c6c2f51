package dev.quire.lists.outgoing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
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

    /** Runs the sessions of a hand-off in parallel; without it (tests) they run one after another. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    /**
     * Queues one copy for many recipients: transactions of at most {@code quire.smtp.maxrcpt} recipients (the
     * MTA's own limit), dealt out over up to {@code quire.lists.fanout.sessions} parallel connections.
     * Recipients the MTA refuses for good are logged and skipped; a deferred recipient or a refused transaction
     * is an exception (the LMTP delivery is retried).
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
        List<List<EmailAddress>> batches = new ArrayList<>();
        for (int from = 0; from < recipients.size(); from += batch) {
            batches.add(recipients.subList(from, Math.min(recipients.size(), from + batch)));
        }
        int sessions = Math.min(batches.size(), Math.max(1, settings.fanoutSessions()));
        if (sessions <= 1 || executor == null) {
            session(sender, batches, message, verp);
            return;
        }
        // the batches dealt out over parallel sessions, so the MTA spools several transactions at once
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            List<List<EmailAddress>> mine = new ArrayList<>();
            for (int i = s; i < batches.size(); i += sessions) {
                mine.add(batches.get(i));
            }
            running.add(executor.submit(() -> {
                session(sender, mine, message, verp);
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while handing the post to the MTA", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                IOException io = cause instanceof IOException ? (IOException) cause : new IOException(cause);
                if (failure == null) {
                    failure = io;
                } else {
                    failure.addSuppressed(io);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void session(EmailAddress sender, List<List<EmailAddress>> batches, byte[] message, boolean verp)
            throws IOException {
        try (PipelinedSmtp smtp = PipelinedSmtp.connect(settings.mtaHost(), settings.mtaPort(), TIMEOUT,
                settings.hostname())) {
            boolean xverp = verp && smtp.offersXverp();
            if (verp && !xverp) {
                LOG.warning(() -> "the MTA does not offer XVERP: " + sender + " goes out without VERP");
            }
            for (List<EmailAddress> b : batches) {
                transaction(smtp, sender, b, message, xverp);
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
