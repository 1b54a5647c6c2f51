package dev.quire.lists.archive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.MessageWriter;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageWriter;

import dev.quire.lists.archive.PlainText;

/**
 * An archived post as its page shows it: the readable parts in order (plain text as text, HTML through
 * {@link HtmlSanitizer}; the plain alternative preferred in multipart/alternative, as mail readers for
 * lists do) and the other parts as numbered attachments, which {@link #attachment} returns for download.
 * SECURITY: parses untrusted MIME (Mime4j, permissive); nothing from a post reaches a page unescaped except
 * sanitized HTML.
 */
public final class MessageRenderer {
    /** Types served under their own name; anything else is application/octet-stream. */
    private static final Set<String> SAFE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "application/zip");

    private MessageRenderer() {
    }

    /** One readable part: plain text (escaped when shown) or sanitized HTML. */
    public record Part(boolean html, String content) {
    }

    /** One attachment, numbered from 1 in the order of the message. */
    public record Attachment(int number, String filename, String contentType, long size) {
    }

    /** What a post's page shows of its body. */
    public record Rendered(List<Part> parts, List<Attachment> attachments) {
    }

    /** An attachment's bytes with the type and name to serve it under. */
    public record Download(String filename, String contentType, byte[] content) {
    }

    public static Rendered render(byte[] raw) throws IOException {
        Walk walk = new Walk(0);
        walk.entity(PlainText.parse(raw));
        return new Rendered(List.copyOf(walk.parts), List.copyOf(walk.attachments));
    }

    /** Attachment {@code number} (from 1), if the post has it. */
    public static Optional<Download> attachment(byte[] raw, int number) throws IOException {
        Walk walk = new Walk(number);
        walk.entity(PlainText.parse(raw));
        return Optional.ofNullable(walk.download);
    }

    /** The type to serve an attachment as: its own when harmless, else application/octet-stream. */
    static String safeType(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return SAFE_TYPES.contains(t) ? t : "application/octet-stream";
    }

    private static final class Walk {
        private final int wanted;
        private final List<Part> parts = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private Download download;

        Walk(int wanted) {
            this.wanted = wanted;
        }

        void entity(Entity e) throws IOException {
            Body body = e.getBody();
            String type = e.getMimeType() == null ? "text/plain" : e.getMimeType().toLowerCase(Locale.ROOT);
            boolean attachment = "attachment".equalsIgnoreCase(e.getDispositionType());
            if (body instanceof Multipart multipart) {
                if (type.equals("multipart/alternative")) {
                    alternative(multipart);
                } else {
                    for (Entity part : multipart.getBodyParts()) {
                        entity(part);
                    }
                }
                return;
            }
            if (!attachment && body instanceof TextBody text
                    && (type.equals("text/plain") || type.equals("text/html"))) {
                String decoded = decode(text, e.getCharset());
                parts.add(type.equals("text/html")
                        ? new Part(true, HtmlSanitizer.clean(decoded))
                        : new Part(false,
                                decoded));
                return;
            }
            byte[] content = bytes(body);
            int number = attachments.size() + 1;
            String name = e.getFilename() == null || e.getFilename().isBlank()
                    ? "part-" + number + extension(type)
                    : e.getFilename();
            attachments.add(new Attachment(number, name, type, content.length));
            if (number == wanted) {
                download = new Download(name, safeType(type), content);
            }
        }

        private void alternative(Multipart multipart) throws IOException {
            Entity best = null;
            for (Entity part : multipart.getBodyParts()) {
                if (best == null || "text/plain".equalsIgnoreCase(part.getMimeType())) {
                    best = part;
                }
            }
            if (best != null) {
                entity(best);
            }
        }

        private static String decode(TextBody text, String charset) throws IOException {
            try (InputStream in = text.getInputStream()) {
                return new String(in.readAllBytes(), charset(charset));
            }
        }

        private static byte[] bytes(Body body) throws IOException {
            if (body instanceof SingleBody single) {
                try (InputStream in = single.getInputStream()) {
                    return in.readAllBytes();
                }
            }
            if (body instanceof Message message) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                MessageWriter writer = new DefaultMessageWriter();
                writer.writeMessage(message, out);
                return out.toByteArray();
            }
            return new byte[0];
        }

        private static String extension(String type) {
            return switch (type) {
                case "message/rfc822" -> ".eml";
                case "text/plain" -> ".txt";
                case "text/html" -> ".html";
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                case "image/jpeg" -> ".jpg";
                default -> ".bin";
            };
        }

        private static Charset charset(String name) {
            try {
                return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
            } catch (RuntimeException e) {
                return StandardCharsets.ISO_8859_1;
            }
        }
    }
}
