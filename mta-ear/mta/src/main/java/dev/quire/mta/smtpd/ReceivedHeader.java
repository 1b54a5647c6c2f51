package dev.quire.mta.smtpd;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.QueueId;

/** The trace header (RFC 5321 section 4.4) the MTA prepends to every message it accepts. */
final class ReceivedHeader {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.US);

    private ReceivedHeader() {
    }

    static byte[] render(String helo, String clientIp, String byHost, String protocol, String tls, QueueId id,
            List<EmailAddress> recipients) {
        StringBuilder sb = new StringBuilder("Received: from ").append(sanitize(helo))
                .append(" ([").append(clientIp).append("])\r\n\t");
        if (tls != null) {
            sb.append("(using ").append(tls).append(")\r\n\t");
        }
        sb.append("by ").append(byHost).append(" (Quire) with ").append(protocol).append(" id ").append(id.value());
        if (recipients.size() == 1) {
            sb.append("\r\n\tfor <").append(recipients.get(0)).append(">");
        }
        sb.append("; ").append(DATE.format(ZonedDateTime.now())).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A HELO name is client-supplied: keep printable characters that cannot break the header. */
    private static String sanitize(String helo) {
        if (helo == null || helo.isBlank()) {
            return "unknown";
        }
        String clean = helo.replaceAll("[^A-Za-z0-9.\\-\\[\\]:_]", "?");
        return clean.length() > 255 ? clean.substring(0, 255) : clean;
    }
}
