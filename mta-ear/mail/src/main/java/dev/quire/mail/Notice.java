package dev.quire.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.james.mime4j.codec.EncoderUtil;

/**
 * A plain-text message the list engine writes itself: a command reply, a moderator notice, a welcome, a
 * bounce warning. It renders as a complete RFC 5322 message (UTF-8, quoted-printable, encoded words in
 * the subject and display names) marked {@code Auto-Submitted} so that vacation responders stay quiet.
 */
public final class Notice {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    private final EmailAddress from;
    private final String fromName;
    private final List<EmailAddress> to;
    private final String subject;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] attached;

    private Notice(EmailAddress from, String fromName, List<EmailAddress> to, String subject, String body) {
        this.from = from;
        this.fromName = fromName;
        this.to = List.copyOf(to);
        this.subject = subject;
        this.body = body;
        headers.put("Auto-Submitted", "auto-generated");
    }

    /** A notice from an address (with an optional display name) to one or more recipients. */
    public static Notice of(EmailAddress from, String fromName, List<EmailAddress> to, String subject,
            String body) {
        return new Notice(from, fromName, to, subject, body);
    }

    /** Marks this notice as a reply to a message (a command reply): threading and auto-replied. */
    public Notice inReplyTo(String messageId) {
        if (messageId != null && !messageId.isBlank()) {
            headers.put("In-Reply-To", messageId.strip());
            headers.put("References", messageId.strip());
        }
        headers.put("Auto-Submitted", "auto-replied");
        return this;
    }

    /** Adds or replaces a header; the value must already be valid RFC 5322 (ASCII, folded). */
    public Notice header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Attaches a whole message (a held post) as a {@code message/rfc822} part after the text, as it was
     * received; the notice becomes multipart/mixed.
     */
    public Notice attach(byte[] message) {
        this.attached = message.clone();
        return this;
    }

    public EmailAddress from() {
        return from;
    }

    public List<EmailAddress> to() {
        return to;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    /** The message as sent, CRLF line ends. */
    public byte[] toBytes(String hostname) {
        StringBuilder h = new StringBuilder();
        h.append("From: ").append(mailbox(fromName, from)).append("\r\n");
        h.append("To: ").append(to.stream().map(EmailAddress::toString).collect(Collectors.joining(", ")))
                .append("\r\n");
        h.append("Subject: ")
                .append(EncoderUtil.encodeIfNecessary(subject, EncoderUtil.Usage.TEXT_TOKEN, "Subject: ".length()))
                .append("\r\n");
        h.append("Date: ").append(DATE.format(ZonedDateTime.now())).append("\r\n");
        h.append("Message-ID: <").append(HexFormat.of().formatHex(randomBytes())).append('@').append(hostname)
                .append(">\r\n");
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("MIME-Version: 1.0\r\n");
        String boundary = "=_quire_" + HexFormat.of().formatHex(randomBytes());
        if (attached != null) {
            h.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
            h.append("--").append(boundary).append("\r\n");
        }
        h.append("Content-Type: text/plain; charset=utf-8\r\n");
        h.append("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(QuotedPrintable.encode(body).getBytes(StandardCharsets.US_ASCII));
        if (attached != null) {
            writeAttachment(out, boundary);
        }
        return out.toByteArray();
    }

    /** The attached message as a message/rfc822 part (8bit when it holds non-ASCII octets), CRLF throughout. */
    private void writeAttachment(ByteArrayOutputStream out, String boundary) {
        String message = new String(attached, StandardCharsets.ISO_8859_1).replaceAll("\r?\n", "\r\n");
        boolean ascii = message.chars().allMatch(c -> c < 128);
        String part = "\r\n--" + boundary + "\r\nContent-Type: message/rfc822\r\nContent-Disposition: inline\r\n"
                + "Content-Transfer-Encoding: " + (ascii ? "7bit" : "8bit") + "\r\n\r\n" + message
                + (message.endsWith("\r\n") ? "" : "\r\n") + "--" + boundary + "--\r\n";
        out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@code "Name" <address>} with the name as an encoded word when it is not plain ASCII. */
    static String mailbox(String name, EmailAddress address) {
        if (name == null || name.isBlank()) {
            return address.toString();
        }
        return EncoderUtil.encodeAddressDisplayName(name) + " <" + address + ">";
    }
}
