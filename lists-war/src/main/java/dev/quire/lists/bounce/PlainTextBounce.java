package dev.quire.lists.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;

import dev.quire.db.list.BounceMethod;
import dev.quire.mail.EmailAddress;

/**
 * Bounces without a delivery-status part, read from their human-readable text: Postfix's and qmail's
 * {@code <user@domain>: reason} paragraphs, Exim's indented list after "The following address(es)
 * failed:", and sendmail's "Mail Delivery Subsystem" blocks. Text inside a returned message
 * ({@code message/rfc822}) is never read, so addresses quoted from the original post do not count.
 */
final class PlainTextBounce {
    private static final Pattern ANGLE_LINE = Pattern.compile("^<([^<>\\s]+@[^<>\\s]+)>:?\\s*(.*)$");
    private static final Pattern EXIM_START = Pattern.compile("following address(?:\\(es\\)|es)? failed:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXIM_ADDRESS = Pattern.compile("^ {2}(\\S+@\\S+)\\s*$");
    private static final Pattern SENDMAIL_START = Pattern.compile(
            "-+ The following addresses had (permanent fatal|transient non-fatal) errors -+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENDMAIL_ADDRESS = Pattern.compile("^<?([^<>\\s]+@[^<>\\s]+?)>?(?:\\s.*)?$");
    private static final Pattern RETURNED_COPY = Pattern.compile(
            "^-+ ?(Below this line is a copy of the message|This is a copy of the message)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SMTP_CODE = Pattern.compile("\\b([45])\\d\\d\\b");
    private static final Pattern TRANSIENT = Pattern.compile(
            "THIS IS A WARNING ONLY|has not yet been delivered|still being retried|will keep trying|"
                    + "transient non-fatal|Delivery (has been )?delayed",
            Pattern.CASE_INSENSITIVE);

    private PlainTextBounce() {
    }

    /** The failed recipients the text names, with what it says about each. */
    static List<BounceReport> reports(Entity message) throws IOException {
        String text = text(message);
        boolean transientNotice = TRANSIENT.matcher(text).find();
        Map<String, String> found = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length && !RETURNED_COPY.matcher(lines[i]).find(); i++) {
            Matcher angle = ANGLE_LINE.matcher(lines[i]);
            if (angle.matches() && angle.group(2).isEmpty() && lines[i].endsWith(":")) {
                found.putIfAbsent(angle.group(1), paragraph(lines, i + 1));
            } else if (angle.matches()) {
                found.putIfAbsent(angle.group(1), diagnostic(angle.group(2), lines, i + 1));
            } else if (EXIM_START.matcher(lines[i]).find()) {
                for (int j = i + 1; j < lines.length; j++) {
                    Matcher a = EXIM_ADDRESS.matcher(lines[j]);
                    if (a.matches()) {
                        found.putIfAbsent(a.group(1), diagnostic("", lines, j + 1));
                    } else if (!lines[j].isBlank() && !lines[j].startsWith("    ")) {
                        break;
                    }
                }
            } else if (SENDMAIL_START.matcher(lines[i]).find()) {
                for (int j = i + 1; j < lines.length && !lines[j].isBlank(); j++) {
                    Matcher a = SENDMAIL_ADDRESS.matcher(lines[j].strip());
                    if (a.matches() && !lines[j].startsWith(" ")) {
                        found.putIfAbsent(a.group(1), diagnostic("", lines, j + 1));
                    }
                }
            }
        }
        List<BounceReport> out = new ArrayList<>();
        for (Map.Entry<String, String> e : found.entrySet()) {
            EmailAddress address;
            try {
                address = EmailAddress.parse(e.getKey(), true);
            } catch (IllegalArgumentException ex) {
                continue;
            }
            String diagnostic = e.getValue().isBlank() ? null : e.getValue();
            Matcher status = DsnParser.STATUS.matcher(e.getValue());
            String code = status.find() ? status.group(1) : null;
            boolean permanent;
            if (code != null) {
                permanent = code.startsWith("5");
            } else {
                Matcher smtp = SMTP_CODE.matcher(e.getValue());
                permanent = smtp.find() ? smtp.group(1).equals("5") : !transientNotice;
            }
            out.add(new BounceReport(address, permanent, code, diagnostic, BounceMethod.HEURISTIC));
        }
        return out;
    }

    /** qmail's reason: the lines up to the next blank line. */
    private static String paragraph(String[] lines, int from) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < lines.length && !lines[k].isBlank(); k++) {
            sb.append(sb.length() == 0 ? "" : " ").append(lines[k].strip());
        }
        return sb.toString();
    }

    /** The rest of the line and the indented lines that follow it, joined. */
    private static String diagnostic(String first, String[] lines, int from) {
        StringBuilder sb = new StringBuilder(first.strip());
        for (int k = from; k < lines.length && (lines[k].startsWith(" ") || lines[k].startsWith("\t"))
                && !EXIM_ADDRESS.matcher(lines[k]).matches(); k++) {
            sb.append(sb.length() == 0 ? "" : " ").append(lines[k].strip());
        }
        return sb.toString();
    }

    /** The text/plain parts outside any returned message, decoded. */
    static String text(Entity entity) throws IOException {
        Body body = entity.getBody();
        String type = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
        if (body instanceof Multipart multipart) {
            StringBuilder sb = new StringBuilder();
            for (Entity part : multipart.getBodyParts()) {
                sb.append(text(part)).append('\n');
            }
            return sb.toString();
        }
        if (type.equals("text/plain") && body instanceof TextBody textBody) {
            Charset charset = charset(entity.getCharset());
            try (InputStream in = textBody.getInputStream()) {
                return new String(in.readAllBytes(), charset);
            }
        }
        return "";
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
