package dev.quire.mta.queue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;
import dev.quire.mta.bounce.Action;
import dev.quire.mta.bounce.DsnComposer;
import dev.quire.mta.bounce.DsnRecipient;
import dev.quire.mta.bounce.Ret;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.Spool;

/**
 * Tells senders what became of their mail: a DSN (RFC 3464) for permanent failures, and one warning when
 * delivery is delayed, honouring the client's NOTIFY, RET, ENVID and ORCPT. The notification is queued in
 * this MTA's own spool with the null sender, so a notification that cannot be delivered is never answered by
 * another, and the null sender itself never gets one.
 */
@ApplicationScoped
public class Bouncer {
    private static final Logger LOG = Logger.getLogger(Bouncer.class.getName());
    private static final Pattern STATUS = Pattern.compile("\\b([245])\\.(\\d{1,3}\\.\\d{1,3})\\b");

    @Inject
    Spool spool;

    @Inject
    MtaSettings settings;

    /**
     * Queues a failure notification for the envelope's failed deliveries that asked for one. With VERP each
     * recipient's notification goes to its own envelope sender ({@code list-bounces+user=domain@...}), so the list
     * engine learns whose address failed.
     */
    public void reportFailures(Envelope envelope) throws IOException {
        Map<EmailAddress, List<DsnRecipient>> report = new LinkedHashMap<>();
        for (Envelope.Failure f : envelope.failed()) {
            if (DsnComposer.wants(f.recipient().dsnNotify(), Action.FAILED)) {
                add(report, envelope, f.recipient(),
                        entry(f.recipient(), Action.FAILED, status(f.reason(), true), f.reason(), envelope));
            }
        }
        send(envelope, report, "failure");
    }

    /** Queues a delay warning for the pending deliveries that asked for one (by default all do). */
    public void warnDelay(Envelope envelope) throws IOException {
        Map<EmailAddress, List<DsnRecipient>> report = new LinkedHashMap<>();
        for (Recipient r : envelope.pending()) {
            if (DsnComposer.wants(r.dsnNotify(), Action.DELAYED)) {
                add(report, envelope, r, entry(r, Action.DELAYED, status(envelope.lastError(), false),
                        envelope.lastError(), envelope));
            }
        }
        send(envelope, report, "delay warning");
    }

    private static void add(Map<EmailAddress, List<DsnRecipient>> report, Envelope envelope, Recipient r,
            DsnRecipient entry) {
        if (envelope.sender() != null) {
            report.computeIfAbsent(envelope.senderFor(r), k -> new ArrayList<>()).add(entry);
        }
    }

    private void send(Envelope envelope, Map<EmailAddress, List<DsnRecipient>> report, String what)
            throws IOException {
        if (envelope.sender() == null) {
            LOG.info(() -> envelope.id() + ": no " + what + " for the null sender <>");
            return;
        }
        if (report.isEmpty()) {
            LOG.info(() -> envelope.id() + ": no " + what + ": the client asked for none (NOTIFY)");
            return;
        }
        DsnComposer composer = new DsnComposer(settings.hostname(), "MAILER-DAEMON@" + settings.hostname());
        for (Map.Entry<EmailAddress, List<DsnRecipient>> e : report.entrySet()) {
            byte[] dsn = composer.compose(envelope.id(), e.getKey(), envelope.arrivedAt(), envelope.dsn().envid(),
                    ret(envelope), e.getValue(), spool.messagePath(envelope.id()));
            QueueId id = QueueId.next();
            spool.store(Envelope.accepted(id, null, List.of(Recipient.to(e.getKey()))), out -> out.write(dsn));
            LOG.info(() -> envelope.id() + ": sender " + what + " notification to <" + e.getKey() + ">: " + id);
        }
    }

    private DsnRecipient entry(Recipient r, Action action, String status, String diagnostic, Envelope envelope) {
        EmailAddress finalRecipient = r.address() != null ? r.address() : r.original();
        Instant now = Instant.now();
        DsnRecipient entry = action == Action.FAILED
                ? DsnRecipient.failed(finalRecipient, status, diagnostic, null, now)
                : DsnRecipient.delayed(finalRecipient, status, diagnostic, null, now,
                        envelope.arrivedAt().plus(settings.queueLifetime()));
        if (r.dsnOrcpt() != null) {
            return entry.withOrcpt(r.dsnOrcpt(), orcptAddress(r.dsnOrcpt()));
        }
        return finalRecipient.equals(r.original()) ? entry : entry.withOrcpt(null, r.original());
    }

    /** The address an ORCPT names ({@code rfc822;addr}, xtext decoded), when it is one. */
    private static EmailAddress orcptAddress(String orcpt) {
        int semicolon = orcpt.indexOf(';');
        if (semicolon < 0 || !orcpt.substring(0, semicolon).trim().equalsIgnoreCase("rfc822")) {
            return null;
        }
        String xtext = orcpt.substring(semicolon + 1).trim();
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+' && i + 2 < xtext.length()) {
                decoded.append((char) Integer.parseInt(xtext.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        try {
            return EmailAddress.parse(decoded.toString(), true);
        } catch (InvalidAddressException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * The RFC 3463 code in a reply or reason; a failure always reports a permanent class (an expired message's
     * last temporary status becomes 5.x.x, as X.4.7 "delivery time expired" is reported).
     */
    static String status(String reason, boolean failure) {
        Matcher m = reason == null ? null : STATUS.matcher(reason);
        if (m == null || !m.find()) {
            return failure ? "5.0.0" : "4.0.0";
        }
        return failure ? "5." + m.group(2) : m.group(1) + "." + m.group(2);
    }

    private static Ret ret(Envelope envelope) {
        String ret = envelope.dsn().ret();
        return ret == null ? null : Ret.valueOf(ret.toUpperCase(Locale.ROOT));
    }
}
