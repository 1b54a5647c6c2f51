package dev.quire.mta.bounce;

import static dev.quire.mta.bounce.FieldText.CRLF;
import static dev.quire.mta.bounce.FieldText.field;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.QueueId;

/**
 * Composes delivery status notifications: a {@code multipart/report; report-type=delivery-status} message (RFC 6522,
 * RFC 3464) with a human explanation, the {@code message/delivery-status} fields, and the original message or its
 * header section.
 * <p>
 * How much of the original comes back: RFC 3461 section 4.3 lets {@code RET} govern only notifications that report a
 * failure, and asks that others return the header section alone. So a report with at least one failed recipient
 * returns the whole message unless the client said {@code RET=HDRS} (Postfix does the same), and a delay warning or
 * success report returns only the header section, whatever {@code RET} said.
 */
public final class DsnComposer {
    private static final Pattern HOSTNAME = Pattern
            .compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern SMTP_REPLY = Pattern.compile("[2-5][0-9][0-9](?:[ -].*)?");
    private static final int BOUNDARY_ATTEMPTS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String reportingMta;
    private final EmailAddress postmaster;
    private final Clock clock;
    private final Supplier<String> boundaries;

    /**
     * @param reportingMta this MTA's hostname, for {@code Reporting-MTA} and the {@code Message-ID}
     * @param postmasterAddress the {@code From} address, such as {@code MAILER-DAEMON@mx.example.org}
     */
    public DsnComposer(String reportingMta, String postmasterAddress) {
        this(reportingMta, postmasterAddress, Clock.systemUTC(), DsnComposer::randomBoundary);
    }

    DsnComposer(String reportingMta, String postmasterAddress, Clock clock, Supplier<String> boundaries) {
        if (reportingMta == null || !HOSTNAME.matcher(reportingMta).matches()) {
            throw new IllegalArgumentException("not a hostname: " + reportingMta);
        }
        this.reportingMta = reportingMta.toLowerCase(Locale.ROOT);
        this.postmaster = EmailAddress.parse(Objects.requireNonNull(postmasterAddress, "postmasterAddress"));
        this.clock = clock;
        this.boundaries = boundaries;
    }

    /**
     * A complete RFC 5322 message, CRLF line ends, to send with the null reverse-path to the original envelope sender.
     *
     * @param queueId the original message's queue id
     * @param to the original envelope sender; never null, the null sender gets no notifications
     * @param arrivalDate when the original was accepted
     * @param envid the client's ENVID parameter as received (xtext), or null
     * @param ret the client's RET parameter, or null when it gave none; see the class comment
     * @param recipients the recipients this notification reports on, at least one
     * @param originalMessage the original message as spooled
     * @throws IllegalArgumentException if {@code to} is null or there are no recipients
     * @throws IOException if the original cannot be read
     */
    public byte[] compose(QueueId queueId, EmailAddress to, Instant arrivalDate, String envid, Ret ret,
            List<DsnRecipient> recipients, Path originalMessage) throws IOException {
        if (to == null) {
            throw new IllegalArgumentException("no notification is ever sent to the null sender <>");
        }
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(arrivalDate, "arrivalDate");
        Objects.requireNonNull(originalMessage, "originalMessage");
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("a notification reports on at least one recipient");
        }
        Action worst = worst(recipients);
        ReturnedContent returned = ReturnedContent.read(originalMessage, effectiveRet(ret, worst));
        String text = NoticeText.compose(reportingMta, worst, recipients);
        String status = deliveryStatus(queueId, arrivalDate, envid, recipients);
        String boundary = boundary(returned, text, status);
        boolean textEightBit = !isAscii(text);
        boolean eightBit = textEightBit || returned.eightBit() || !isAscii(to.mailbox());
        Instant now = clock.instant();

        StringBuilder head = new StringBuilder(2048);
        head.append(field("From", "Mail Delivery System <" + postmaster.mailbox() + ">"));
        head.append(field("To", "<" + to.mailbox() + ">"));
        head.append(field("Subject", subject(worst)));
        head.append(field("Date", FieldText.date(now)));
        head.append(field("Message-ID", "<" + queueId.value() + "." + now.toEpochMilli() + "@" + reportingMta + ">"));
        head.append(field("Auto-Submitted", "auto-replied"));
        head.append(field("MIME-Version", "1.0"));
        head.append(field("Content-Type",
                "multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\""));
        head.append(field("Content-Transfer-Encoding", eightBit ? "8bit" : "7bit"));
        head.append(CRLF).append("This is a MIME-encapsulated message.").append(CRLF);

        head.append(CRLF).append("--").append(boundary).append(CRLF);
        head.append(field("Content-Description", "Notification"));
        head.append(field("Content-Type", "text/plain; charset=" + (textEightBit ? "utf-8" : "us-ascii")));
        if (textEightBit) {
            head.append(field("Content-Transfer-Encoding", "8bit"));
        }
        head.append(CRLF).append(text);

        head.append(CRLF).append("--").append(boundary).append(CRLF);
        head.append(field("Content-Description", "Delivery report"));
        head.append(field("Content-Type", "message/delivery-status"));
        head.append(CRLF).append(status);

        head.append(CRLF).append("--").append(boundary).append(CRLF);
        head.append(field("Content-Description", returnedDescription(worst, returned.ret())));
        head.append(field("Content-Type", returned.contentType()));
        if (returned.eightBit()) {
            head.append(field("Content-Transfer-Encoding", "8bit"));
        }
        head.append(CRLF);

        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + returned.bytes().length + 64);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(returned.bytes());
        out.writeBytes((CRLF + "--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Whether a recipient's {@code NOTIFY} parameter asks for a notification of {@code action}. Absent NOTIFY means
     * {@code FAILURE,DELAY} (RFC 3461 section 4.1); {@code NEVER} anywhere means none; keywords are case-insensitive
     * and unknown ones are ignored. Relayed and expanded count as success (RFC 3461 sections 6.2.2 and 6.2.4).
     */
    public static boolean wants(String notifyParam, Action action) {
        Objects.requireNonNull(action, "action");
        if (notifyParam == null || notifyParam.isBlank()) {
            return action == Action.FAILED || action == Action.DELAYED;
        }
        boolean wanted = false;
        for (String keyword : notifyParam.split(",")) {
            String k = keyword.trim().toUpperCase(Locale.ROOT);
            if (k.equals("NEVER")) {
                return false;
            }
            wanted |= k.equals(action.notifyKeyword());
        }
        return wanted;
    }

    /** The RET that applies: the client's choice for failures, defaulting to FULL; HDRS for anything else. */
    static Ret effectiveRet(Ret requested, Action worst) {
        return worst == Action.FAILED && requested != Ret.HDRS ? Ret.FULL : Ret.HDRS;
    }

    private String deliveryStatus(QueueId queueId, Instant arrivalDate, String envid, List<DsnRecipient> recipients) {
        StringBuilder s = new StringBuilder(512);
        s.append(field("Reporting-MTA", "dns; " + reportingMta));
        s.append(field("X-Quire-Queue-ID", queueId.value()));
        String envelopeId = envid == null ? null : FieldText.oneLine(decodedOrRaw(envid));
        if (envelopeId != null) {
            s.append(field("Original-Envelope-Id", envelopeId));
        }
        s.append(field("Arrival-Date", FieldText.date(arrivalDate)));
        for (DsnRecipient r : recipients) {
            s.append(CRLF);
            String original = originalRecipient(r);
            if (original != null) {
                s.append(field("Original-Recipient", original));
            }
            s.append(field("Final-Recipient", FieldText.typedAddress(r.finalRecipient())));
            s.append(field("Action", r.action().fieldValue()));
            s.append(field("Status", r.status()));
            String remote = FieldText.oneLine(r.remoteMta());
            if (remote != null) {
                s.append(field("Remote-MTA", "dns; " + remote));
            }
            String diagnostic = FieldText.oneLine(r.diagnostic());
            if (diagnostic != null) {
                String type = SMTP_REPLY.matcher(diagnostic).matches() ? "smtp" : "x-quire";
                s.append(field("Diagnostic-Code", type + "; " + diagnostic));
            }
            if (r.lastAttempt() != null) {
                s.append(field("Last-Attempt-Date", FieldText.date(r.lastAttempt())));
            }
            if (r.action() == Action.DELAYED && r.willRetryUntil() != null) {
                s.append(field("Will-Retry-Until", FieldText.date(r.willRetryUntil())));
            }
        }
        return s.toString();
    }

    /** The ORCPT as the client gave it, xtext decoded ({@code rfc822;jdoe@example.org}), else the ORCPT address. */
    private static String originalRecipient(DsnRecipient r) {
        String raw = r.orcptRaw() == null ? null : FieldText.oneLine(decodedOrRaw(r.orcptRaw()));
        if (raw != null) {
            return raw.indexOf(';') > 0 ? raw : "rfc822;" + raw;
        }
        return r.originalRecipient() == null ? null : FieldText.typedAddress(r.originalRecipient());
    }

    private static String decodedOrRaw(String xtext) {
        String decoded = FieldText.decodeXtext(xtext);
        return decoded == null ? xtext : decoded;
    }

    private String boundary(ReturnedContent returned, String text, String status) {
        for (int i = 0; i < BOUNDARY_ATTEMPTS; i++) {
            String candidate = boundaries.get();
            if (!returned.contains(candidate.getBytes(StandardCharsets.US_ASCII)) && !text.contains(candidate)
                    && !status.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no MIME boundary found that the message does not contain");
    }

    private static String randomBoundary() {
        StringBuilder b = new StringBuilder("=_quire_");
        for (int i = 0; i < 24; i++) {
            b.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return b.toString();
    }

    private static Action worst(List<DsnRecipient> recipients) {
        Action worst = Action.DELIVERED;
        for (DsnRecipient r : recipients) {
            if (r.action() == Action.FAILED) {
                return Action.FAILED;
            }
            if (r.action() == Action.DELAYED) {
                worst = Action.DELAYED;
            }
        }
        return worst;
    }

    private static String subject(Action worst) {
        if (worst == Action.FAILED) {
            return "Undelivered Mail Returned to Sender";
        }
        return worst == Action.DELAYED ? "Delayed Mail (still being retried)" : "Successful Mail Delivery Report";
    }

    private static String returnedDescription(Action worst, Ret ret) {
        String what = worst == Action.FAILED
                ? "Undelivered Message"
                : worst == Action.DELAYED
                        ? "Delayed Message"
                        : "Delivered Message";
        return ret == Ret.HDRS ? what + " Headers" : what;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
