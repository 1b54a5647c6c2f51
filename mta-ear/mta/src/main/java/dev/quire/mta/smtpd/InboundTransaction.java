package dev.quire.mta.smtpd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import dev.quire.mta.routing.Route;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;
import dev.quire.mta.scan.ScanVerdict;
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
    /** The source named in the per-message log line, so that the logger need not walk the stack to find it. */
    private static final String SOURCE = InboundTransaction.class.getName();
    private static final Reply SENDER_OK = Reply.ok("2.1.0", "Ok");
    private static final Reply WRITE_ERROR = new Reply(451, "4.3.0", "Error: queue file write error");
    private static final Reply LOOKUP_ERROR = new Reply(451, "4.3.0", "Temporary lookup failure; try again later");

    /**
     * What the listener's transactions share.
     *
     * @param accepted hands each message the spool accepted to the queue manager ({@link QueueManager#intake()})
     */
    record Context(Spool spool, QueueManager.Intake accepted, Router router, String hostname, int maxHops) {
    }

    private final SessionContext session;
    private final Listener listener;
    private final Context context;
    private EmailAddress sender;
    private Envelope.Dsn dsn = Envelope.Dsn.NONE;
    private String verp;
    private final List<EmailAddress> recipients = new ArrayList<>();
    private final List<Map<String, String>> recipientParams = new ArrayList<>();

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
        this.dsn = new Envelope.Dsn(params.get("RET"), params.get("ENVID"));
        // the engine lets XVERP through only on listeners that advertise it (internal and bulk)
        String xverp = params.get("XVERP");
        this.verp = xverp == null ? null : xverp.isEmpty() ? Envelope.DEFAULT_VERP : xverp;
        return SENDER_OK;
    }

    @Override
    public Reply recipient(EmailAddress recipient, Map<String, String> params) {
        Reply reply = listener.policy().evaluate(new RecipientRequest(session.remoteAddress().getAddress(),
                session.authenticatedUser(), recipient));
        if (reply.isPositive()) {
            recipients.add(recipient);
            recipientParams.add(Map.copyOf(params));
        }
        LOG.fine(() -> session.sessionId() + ": RCPT <" + recipient + "> " + reply.toWire());
        return reply;
    }

    @Override
    public List<Reply> data(InputStream message) throws IOException {
        QueueId id = QueueId.next();
        Map<Recipient.Destination, Recipient> deliveries = new LinkedHashMap<>();
        List<Envelope.Failure> failures = new ArrayList<>();
        try {
            for (int i = 0; i < recipients.size(); i++) {
                for (Route route : context.router().routes(recipients.get(i))) {
                    if (route instanceof Route.Defer d) {
                        drain(message);
                        return List.of(d.reply());
                    }
                    addDelivery(route, recipientParams.get(i), deliveries, failures, id);
                }
            }
        } catch (RoutingUnavailableException e) {
            LOG.log(Level.WARNING, id + ": routing unavailable at cleanup: " + e.getMessage());
            drain(message);
            return List.of(LOOKUP_ERROR);
        }
        Envelope envelope = Envelope.accepted(id, sender, List.copyOf(deliveries.values())).withFailures(failures)
                .withDsn(dsn)
                .withHeloName(listener.outgoingHelo())
                .withVerp(verp);
        byte[] received = ReceivedHeader.render(session.heloName(),
                session.remoteAddress().getAddress().getHostAddress(), context.hostname(), protocol(),
                session.tlsDescription().orElse(null), id, recipients);
        HopCounter counted = new HopCounter(message);
        try {
            Spool.Accepted accepted;
            if (listener.scan() == null) {
                accepted = context.spool().accept(envelope,
                        out -> copy(received, List.of(), counted, out, context.maxHops()));
            } else {
                ScanOutcome scanned = scanAndStore(envelope, received, counted);
                if (scanned.refusal() != null) {
                    return List.of(scanned.refusal());
                }
                accepted = scanned.accepted();
            }
            context.accepted().accepted(accepted);
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
        LOG.logp(Level.INFO, SOURCE, "data", () -> id + ": from=<" + (sender == null ? "" : sender) + ">"
                + (verp == null ? "" : ", verp=" + verp)
                + ", nrcpt=" + recipients.size()
                + ", deliveries=" + deliveries.size() + ", client="
                + session.remoteAddress().getAddress().getHostAddress()
                + ", listener=" + listener.name()
                + session.authenticatedUser().map(u -> ", sasl_username=" + u).orElse(""));
        return List.of(Reply.ok("2.0.0", "Ok: queued as " + id.value()));
    }

    /** Adds a route's delivery; the first original recipient of a destination is the one that counts. */
    private static void addDelivery(Route route, Map<String, String> params,
            Map<Recipient.Destination, Recipient> deliveries, List<Envelope.Failure> failures, QueueId id) {
        Recipient.Destination destination = null;
        if (route instanceof Route.Deliver d) {
            destination = new Recipient.Mailbox(d.address());
        } else if (route instanceof Route.Pipe p) {
            destination = new Recipient.Pipe(p.command());
        } else if (route instanceof Route.FileAppend f) {
            destination = new Recipient.FileAppend(f.path());
        }
        if (destination != null) {
            deliveries.putIfAbsent(destination, Recipient.of(destination, route.original(), params));
        } else if (route instanceof Route.Refuse r) {
            failures.add(new Envelope.Failure(Recipient.of(new Recipient.Mailbox(r.original()), r.original(), params),
                    r.reply().toWire()));
        } else {
            LOG.info(() -> id + ": to=<" + route.original() + ">, status=discarded (alias :blackhole:)");
        }
    }

    /** RFC 3848: ESMTP, with S for TLS and A for an authenticated client. */
    private String protocol() {
        return "ESMTP" + (session.isTls() ? "S" : "") + (session.authenticatedUser().isPresent() ? "A" : "");
    }

    /**
     * Stages the message, has the listener's scanners judge it while the client waits, and spools it with their
     * header fields when it passes.
     */
    private ScanOutcome scanAndStore(Envelope envelope, byte[] received, HopCounter message) throws IOException {
        Path staged = Files.createTempFile(context.spool().root().resolve("tmp"), "scan-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(staged)) {
                copy(new byte[0], List.of(), message, out, context.maxHops());
            }
            ScanVerdict verdict = listener.scan().evaluate(staged);
            if (verdict instanceof ScanVerdict.Reject r) {
                LOG.info(() -> envelope.id() + ": refused by content scan: " + r.text());
                return new ScanOutcome(new Reply(r.code(), r.enhanced(), r.text()), null);
            }
            if (verdict instanceof ScanVerdict.Defer d) {
                LOG.warning(() -> envelope.id() + ": deferred by content scan: " + d.text());
                return new ScanOutcome(new Reply(d.code(), d.enhanced(), d.text()), null);
            }
            List<String> fields = ((ScanVerdict.Accept) verdict).headerLines();
            try (InputStream in = Files.newInputStream(staged)) {
                return new ScanOutcome(null,
                        context.spool().accept(envelope, out -> copy(received, fields, in, out, Integer.MAX_VALUE)));
            }
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** What the scanners decided: a refusal, or the message accepted into the spool. */
    private record ScanOutcome(Reply refusal, Spool.Accepted accepted) {
    }

    private static void copy(byte[] received, List<String> fields, InputStream message, OutputStream out,
            int maxHops) throws IOException {
        out.write(received);
        for (String field : fields) {
            out.write((field + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        message.transferTo(out);
        if (message instanceof HopCounter counter && counter.hops() + 1 > maxHops) {
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
