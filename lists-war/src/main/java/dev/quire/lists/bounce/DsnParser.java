package dev.quire.lists.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;

import dev.quire.db.list.BounceMethod;
import dev.quire.mail.EmailAddress;

/**
 * RFC 3464 delivery status notifications: a {@code multipart/report} whose {@code message/delivery-status}
 * part holds one group of fields per recipient. {@code Action: failed} is a permanent failure,
 * {@code delayed} a transient one; {@code delivered}, {@code relayed} and {@code expanded} are not bounces.
 */
final class DsnParser {
    static final Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    private DsnParser() {
    }

    /**
     * The failures a DSN reports; empty when the message carries no delivery-status part, an empty list
     * when it does but reports only successes.
     */
    static Optional<List<BounceReport>> reports(Message message) throws IOException {
        Optional<String> status = deliveryStatus(message);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, String>> groups = groups(status.get());
        List<BounceReport> out = new ArrayList<>();
        for (Map<String, String> g : groups) {
            report(g).ifPresent(out::add);
        }
        return Optional.of(out);
    }

    private static Optional<BounceReport> report(Map<String, String> fields) {
        String action = fields.getOrDefault("action", "").toLowerCase(Locale.ROOT).strip();
        Optional<EmailAddress> address = address(fields.get("original-recipient"))
                .or(() -> address(fields.get("final-recipient")));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = STATUS.matcher(fields.getOrDefault("status", ""));
        String status = m.find() ? m.group(1) : null;
        boolean permanent;
        if (action.startsWith("failed")) {
            permanent = true;
        } else if (action.startsWith("delayed")) {
            permanent = false;
        } else if (action.isEmpty() && status != null && !status.startsWith("2")) {
            permanent = status.startsWith("5");
        } else {
            return Optional.empty();
        }
        String diagnostic = fields.get("diagnostic-code");
        if (diagnostic != null && diagnostic.indexOf(';') >= 0) {
            diagnostic = diagnostic.substring(diagnostic.indexOf(';') + 1).strip();
        }
        return Optional.of(new BounceReport(address.get(), permanent, status, diagnostic, BounceMethod.DSN));
    }

    /** {@code rfc822; user@domain} to an address; other address types are not ours. */
    private static Optional<EmailAddress> address(String field) {
        if (field == null) {
            return Optional.empty();
        }
        int semi = field.indexOf(';');
        String type = semi < 0 ? "rfc822" : field.substring(0, semi).strip().toLowerCase(Locale.ROOT);
        String value = (semi < 0 ? field : field.substring(semi + 1)).strip();
        if (!type.equals("rfc822")) {
            return Optional.empty();
        }
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Optional.of(EmailAddress.parse(value, true));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The text of the first message/delivery-status part, searched depth first. */
    private static Optional<String> deliveryStatus(Entity entity) throws IOException {
        Body body = entity.getBody();
        if ("message/delivery-status".equalsIgnoreCase(entity.getMimeType()) && body instanceof SingleBody single) {
            try (InputStream in = single.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                Optional<String> found = deliveryStatus(part);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The groups of fields, separated by blank lines, names lower-cased, continuation lines unfolded. */
    static List<Map<String, String>> groups(String text) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    current = new LinkedHashMap<>();
                }
                last = null;
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                current.put(last, current.get(last) + " " + line.strip());
            } else if (line.indexOf(':') > 0) {
                last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                current.putIfAbsent(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }
}
