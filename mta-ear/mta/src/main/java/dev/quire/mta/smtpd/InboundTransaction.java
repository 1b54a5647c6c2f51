package dev.quire.mta.smtpd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.DataRejectedException;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SessionContext;
import dev.quire.mta.queue.QueueManager;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Spool;

/**
 * One mail transaction on a listener: the policy decides each recipient, and DATA is answered 250 only
 * once the message and its envelope are fsynced into the spool.
 */
final class InboundTransaction implements MessageHandler {
    private static final Logger LOG = Logger.getLogger(InboundTransaction.class.getName());
    private static final Reply SENDER_OK = Reply.ok("2.1.0", "Ok");
    private static final Reply WRITE_ERROR = new Reply(451, "4.3.0", "Error: queue file write error");

    private final SessionContext session;
    private final Listener listener;
    private final Spool spool;
    private final QueueManager queue;
    private final String hostname;
    private EmailAddress sender;
    private final List<EmailAddress> recipients = new ArrayList<>();

    InboundTransaction(SessionContext session, Listener listener, Spool spool, QueueManager queue, String hostname) {
        this.session = session;
        this.listener = listener;
        this.spool = spool;
        this.queue = queue;
        this.hostname = hostname;
    }

    @Override
    public Reply from(EmailAddress reversePath, Map<String, String> params) {
        Reply admission = listener.admit(session.remoteAddress().getAddress());
        if (admission != null) {
            return admission;
        }
        this.sender = reversePath;
        return SENDER_OK;
    }

    @Override
    public Reply recipient(EmailAddress recipient, Map<String, String> params) {
        Reply reply = listener.policy().evaluate(session.remoteAddress().getAddress(), recipient);
        if (reply.isPositive()) {
            recipients.add(recipient);
        }
        LOG.fine(() -> session.sessionId() + ": RCPT <" + recipient + "> " + reply.toWire());
        return reply;
    }

    @Override
    public List<Reply> data(InputStream message) throws IOException {
        QueueId id = QueueId.next();
        Envelope envelope = Envelope.accepted(id, sender, recipients);
        byte[] received = ReceivedHeader.render(session.heloName(),
                session.remoteAddress().getAddress().getHostAddress(), hostname, listener.protocol(), id, recipients);
        try {
            spool.store(envelope, out -> copy(received, message, out));
        } catch (DataRejectedException e) {
            throw e;
        } catch (IOException e) {
            LOG.log(Level.SEVERE, id + ": could not write the queue file: " + e.getMessage(), e);
            drain(message);
            return List.of(WRITE_ERROR);
        }
        LOG.info(() -> id + ": from=<" + (sender == null ? "" : sender) + ">, nrcpt=" + recipients.size()
                + ", client=" + session.remoteAddress().getAddress().getHostAddress() + ", listener="
                + listener.name());
        queue.wake();
        return List.of(Reply.ok("2.0.0", "Ok: queued as " + id.value()));
    }

    private static void copy(byte[] received, InputStream message, OutputStream out) throws IOException {
        out.write(received);
        message.transferTo(out);
    }

    private static void drain(InputStream message) {
        try {
            message.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the engine reports a rejected stream itself; the write error is the reply that counts
        }
    }
}
