package dev.quire.mta.smtpd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.DataRejectedException;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SessionContext;
import dev.quire.mta.queue.QueueManager;
import dev.quire.mta.routing.Route;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.Spool;

/**
 * One mail transaction on a listener. The policy decides each recipient; at DATA the recipients are
 * expanded into their final deliveries (the queue's "cleanup", so the spool holds what will be delivered),
 * the message streams into the spool with a Received header, and the client gets 250 only once message and
 * envelope are fsynced.
 */
final class InboundTransaction implements MessageHandler {
    private static final Logger LOG = Logger.getLogger(InboundTransaction.class.getName());
    private static final Reply SENDER_OK = Reply.ok("2.1.0", "Ok");
    private static final Reply WRITE_ERROR = new Reply(451, "4.3.0", "Error: queue file write error");
    private static final Reply LOOKUP_ERROR = new Reply(451, "4.3.0", "Temporary lookup failure; try again later");

    /** What the listener's transactions share. */
    record Context(Spool spool, QueueManager queue, Router router, String hostname, int maxHops) {
    }

    private final SessionContext session;
    private final Listener listener;
    private final Context context;
    private EmailAddress sender;
    private final List<EmailAddress> recipients = new ArrayList<>();

    InboundTransaction(SessionContext session, Listener listener, Context context) {
        this.session = session;
        this.listener = listener;
        this.context = context;
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
        Reply reply = listener.policy().evaluate(new RecipientRequest(session.remoteAddress().getAddress(),
                session.authenticatedUser(), recipient));
        if (reply.isPositive()) {
            recipients.add(recipient);
        }
        LOG.fine(() -> session.sessionId() + ": RCPT <" + recipient + "> " + reply.toWire());
        return reply;
    }

    @Override
    public List<Reply> data(InputStream message) throws IOException {
        QueueId id = QueueId.next();
        Set<Recipient> deliveries = new LinkedHashSet<>();
        List<Envelope.Failure> failures = new ArrayList<>();
        try {
            for (EmailAddress original : recipients) {
                for (Route route : context.router().routes(original)) {
                    if (route instanceof Route.Defer d) {
                        drain(message);
                        return List.of(d.reply());
                    }
                    addDelivery(route, deliveries, failures, id);
                }
            }
        } catch (RoutingUnavailableException e) {
            LOG.log(Level.WARNING, id + ": routing unavailable at cleanup: " + e.getMessage());
            drain(message);
            return List.of(LOOKUP_ERROR);
        }
        Envelope envelope = Envelope.accepted(id, sender, List.copyOf(deliveries)).withFailures(failures)
                .withHeloName(listener.outgoingHelo());
        byte[] received = ReceivedHeader.render(session.heloName(),
                session.remoteAddress().getAddress().getHostAddress(), context.hostname(), protocol(),
                session.tlsDescription().orElse(null), id, recipients);
        HopCounter counted = new HopCounter(message);
        try {
            context.spool().store(envelope, out -> copy(received, counted, out, context.maxHops()));
        } catch (TooManyHops e) {
            LOG.warning(() -> id + ": refused: " + counted.hops() + " Received headers (mail loop)");
            return List.of(new Reply(554, "5.4.6", "Too many hops (" + counted.hops() + " Received headers)"));
        } catch (DataRejectedException e) {
            throw e;
        } catch (IOException e) {
            LOG.log(Level.SEVERE, id + ": could not write the queue file: " + e.getMessage(), e);
            drain(message);
            return List.of(WRITE_ERROR);
        }
        LOG.info(() -> id + ": from=<" + (sender == null ? "" : sender) + ">, nrcpt=" + recipients.size()
                + ", deliveries=" + deliveries.size() + ", client="
                + session.remoteAddress().getAddress().getHostAddress()
                + ", listener=" + listener.name()
                + session.authenticatedUser().map(u -> ", sasl_username=" + u).orElse(""));
        context.queue().wake();
        return List.of(Reply.ok("2.0.0", "Ok: queued as " + id.value()));
    }

    private static void addDelivery(Route route, Set<Recipient> deliveries, List<Envelope.Failure> failures,
            QueueId id) {
        if (route instanceof Route.Deliver d) {
            deliveries.add(new Recipient(new Recipient.Mailbox(d.address()), d.original()));
        } else if (route instanceof Route.Pipe p) {
            deliveries.add(new Recipient(new Recipient.Pipe(p.command()), p.original()));
        } else if (route instanceof Route.FileAppend f) {
            deliveries.add(new Recipient(new Recipient.FileAppend(f.path()), f.original()));
        } else if (route instanceof Route.Refuse r) {
            failures.add(new Envelope.Failure(Recipient.to(r.original()), r.reply().toWire()));
        } else {
            LOG.info(() -> id + ": to=<" + route.original() + ">, status=discarded (alias :blackhole:)");
        }
    }

    /** RFC 3848: ESMTP, with S for TLS and A for an authenticated client. */
    private String protocol() {
        return "ESMTP" + (session.isTls() ? "S" : "") + (session.authenticatedUser().isPresent() ? "A" : "");
    }

    private static void copy(byte[] received, HopCounter message, OutputStream out, int maxHops) throws IOException {
        out.write(received);
        message.transferTo(out);
        if (message.hops() + 1 > maxHops) {
            throw new TooManyHops();
        }
    }

    /** The message carries more Received headers than the configured limit. */
    private static final class TooManyHops extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static void drain(InputStream message) {
        try {
            message.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the engine reports a rejected stream itself; the reply given here is the one that counts
        }
    }
}
