package dev.quire.lists.message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.BasicBodyFactory;

/**
 * The moderator password a poster put in a post to pre-approve it: an {@code Approved:} header (or
 * {@code Approve:}, {@code X-Approved:}, {@code X-Approve:}), or the same as the first non-blank line of the
 * post's first text/plain part, whatever its transfer encoding (7bit, 8bit, quoted-printable, base64) and
 * however deep in a multipart. {@link #strip} removes it so the password never reaches the members: the header,
 * the line, and (as Mailman does) the same words in the other text parts, such as the text/html alternative.
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
        Optional<Line> plain = plainLine(message);
        if (plain.isPresent()) {
            return Optional.of(plain.get().password);
        }
        return mimeLine(message).map(found -> found.line.password);
    }

    /** Removes every approval header and the approval line of the body. */
    public static void strip(MailMessage message) {
        HEADERS.forEach(message::remove);
        Optional<Line> plain = plainLine(message);
        if (plain.isPresent()) {
            Line line = plain.get();
            String body = new String(message.body(), StandardCharsets.ISO_8859_1);
            message.setBody((body.substring(0, line.start) + body.substring(line.end))
                    .getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        mimeLine(message).ifPresent(found -> found.strip(message));
    }

    private record Line(String password, int start, int end) {
    }

    /** The first non-blank line of a text when it is an approval. */
    private static Optional<Line> firstLine(String body) {
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

    /** The approval line of a body that is plain text as sent (not encoded, not multipart): edited byte for byte. */
    private static Optional<Line> plainLine(MailMessage message) {
        String type = message.header("Content-Type").orElse("text/plain").strip().toLowerCase(Locale.ROOT);
        String encoding = message.header("Content-Transfer-Encoding").orElse("7bit").strip().toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/plain") || !(encoding.equals("7bit") || encoding.equals("8bit"))) {
            return Optional.empty();
        }
        return firstLine(new String(message.body(), StandardCharsets.ISO_8859_1));
    }

    /** The approval line of the first text/plain part of an encoded or multipart body, decoded. */
    private static Optional<Found> mimeLine(MailMessage message) {
        String type = message.header("Content-Type").orElse("text/plain").strip().toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/plain") && !type.startsWith("multipart/")) {
            return Optional.empty();
        }
        try {
            Message tree = MimeTree.parse(message);
            Entity part = firstPlainText(tree);
            if (part == null) {
                return Optional.empty();
            }
            String text = decoded(part);
            return firstLine(text).map(line -> new Found(tree, part, text, line));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unparseable body carries no approval
        }
    }

    private static Entity firstPlainText(Entity entity) {
        if (entity.getBody() instanceof Multipart) {
            for (Entity child : ((Multipart) entity.getBody()).getBodyParts()) {
                Entity found = firstPlainText(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType());
        return !attachment && "text/plain".equalsIgnoreCase(entity.getMimeType())
                && entity.getBody() instanceof TextBody ? entity : null;
    }

    private static Charset charset(Entity entity) {
        try {
            return entity.getCharset() == null ? StandardCharsets.ISO_8859_1 : Charset.forName(entity.getCharset());
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String decoded(Entity entity) throws IOException {
        try (InputStream in = ((TextBody) entity.getBody()).getInputStream()) {
            return new String(in.readAllBytes(), charset(entity));
        }
    }

    /** An approval line found in a MIME tree, and how to take it out of every text part. */
    private record Found(Message tree, Entity part, String text, Line line) {
        void strip(MailMessage message) {
            Pattern elsewhere = Pattern.compile("(?i)(?:x-)?approved?:[ \\t]*" + Pattern.quote(line.password));
            try {
                replace(part, text.substring(0, line.start) + text.substring(line.end));
                stripOthers(tree, elsewhere);
                MimeTree.store(tree, message);
            } catch (IOException e) {
                throw new IllegalStateException("cannot rewrite the body of a parsed post", e);
            }
        }

        private void stripOthers(Entity entity, Pattern elsewhere) throws IOException {
            if (entity.getBody() instanceof Multipart) {
                for (Entity child : ((Multipart) entity.getBody()).getBodyParts()) {
                    stripOthers(child, elsewhere);
                }
                return;
            }
            if (entity == part || !(entity.getBody() instanceof TextBody)
                    || !entity.getMimeType().toLowerCase(Locale.ROOT).startsWith("text/")) {
                return;
            }
            String other = decoded(entity);
            Matcher m = elsewhere.matcher(other);
            if (m.find()) {
                replace(entity, other.substring(0, m.start()) + other.substring(m.end()));
            }
        }

        private static void replace(Entity entity, String newText) {
            entity.removeBody().dispose();
            entity.setBody(BasicBodyFactory.INSTANCE.textBody(newText, charset(entity)));
        }
    }
}
