package dev.quire.lists.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The moderator password a poster put in a post to pre-approve it: an {@code Approved:} header (or
 * {@code Approve:}, {@code X-Approved:}, {@code X-Approve:}), or the same as the first non-blank line of a
 * plain-text body. {@link #strip} removes it so the password never reaches the members.
 */
public final class Approval {
    static final List<String> HEADERS = List.of("Approved", "Approve", "X-Approved", "X-Approve");
    private static final Pattern LINE = Pattern.compile("(?i)[ \\t]*(?:x-)?approved?:[ \\t]*(.*?)[ \\t]*");

    private Approval() {
    }

    /** The password the post carries, if any. */
    public static Optional<String> password(MailMessage message) {
        for (String h : HEADERS) {
            Optional<String> v = message.header(h).filter(s -> !s.isBlank());
            if (v.isPresent()) {
                return v;
            }
        }
        return bodyLine(message).map(line -> line.password);
    }

    /** Removes every approval header and the approval line of the body. */
    public static void strip(MailMessage message) {
        HEADERS.forEach(message::remove);
        bodyLine(message).ifPresent(line -> {
            String body = new String(message.body(), StandardCharsets.ISO_8859_1);
            message.setBody((body.substring(0, line.start) + body.substring(line.end))
                    .getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    private record Line(String password, int start, int end) {
    }

    /** The first non-blank body line when it is an approval, for bodies that are plain text as sent. */
    private static Optional<Line> bodyLine(MailMessage message) {
        String type = message.header("Content-Type").orElse("text/plain").toLowerCase(Locale.ROOT);
        String encoding = message.header("Content-Transfer-Encoding").orElse("7bit").strip().toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/plain") || !(encoding.equals("7bit") || encoding.equals("8bit"))) {
            return Optional.empty();
        }
        String body = new String(message.body(), StandardCharsets.ISO_8859_1);
        int pos = 0;
        while (pos < body.length()) {
            int nl = body.indexOf('\n', pos);
            int end = nl < 0 ? body.length() : nl + 1;
            String line = body.substring(pos, end).replaceAll("\r?\n$", "");
            if (!line.isBlank()) {
                Matcher m = LINE.matcher(line);
                return m.matches() && !m.group(1).isEmpty()
                        ? Optional.of(new Line(m.group(1), pos, end))
                        : Optional.empty();
            }
            pos = end;
        }
        return Optional.empty();
    }
}
