package dev.quire.lists.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The readable text of a message, for search and plain digests: text/plain parts decoded from their
 * charset, HTML turned into text with jsoup, the plain alternative preferred in multipart/alternative,
 * attachments named but not read.
 */
public final class PlainText {
    private PlainText() {
    }

    public static Message parse(byte[] raw) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        return builder.parseMessage(new ByteArrayInputStream(raw));
    }

    public static String of(byte[] raw) throws IOException {
        return of(parse(raw)).strip();
    }

    public static String of(Entity entity) throws IOException {
        Body body = entity.getBody();
        String type = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
        boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType());
        if (body instanceof Multipart multipart) {
            if (type.equals("multipart/alternative")) {
                Entity best = null;
                for (Entity part : multipart.getBodyParts()) {
                    if (best == null || "text/plain".equalsIgnoreCase(part.getMimeType())) {
                        best = part;
                    }
                }
                return best == null ? "" : of(best);
            }
            StringBuilder sb = new StringBuilder();
            for (Entity part : multipart.getBodyParts()) {
                String text = of(part);
                if (!text.isBlank()) {
                    sb.append(sb.length() == 0 ? "" : "\n\n").append(text.strip());
                }
            }
            return sb.toString();
        }
        if (!attachment && body instanceof TextBody text && (type.equals("text/plain") || type.equals("text/html"))) {
            String decoded;
            try (InputStream in = text.getInputStream()) {
                decoded = new String(in.readAllBytes(), charset(entity.getCharset()));
            }
            return type.equals("text/html") ? html(decoded) : decoded;
        }
        String name = entity.getFilename();
        return "[attachment" + (name == null ? "" : ": " + name) + ", " + type + "]";
    }

    /** HTML to text with a real parser: block elements and line breaks become line ends. */
    static String html(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head").remove();
        doc.select("br").before("\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre").before("\n\n");
        return doc.body().wholeText().replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
