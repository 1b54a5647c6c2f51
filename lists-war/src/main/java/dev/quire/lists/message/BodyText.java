package dev.quire.lists.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The text a person wrote in a message, for the list engine to read commands and replies from: the first
 * text/plain part decoded from its transfer encoding and charset, else the first text/html part as text.
 * SECURITY: parses untrusted MIME leniently (Mime4j's permissive configuration) and HTML with jsoup.
 */
public final class BodyText {
    private BodyText() {
    }

    /** The message's readable text with LF line ends; empty when it has none. */
    public static String of(byte[] raw) {
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            Message m = builder.parseMessage(new ByteArrayInputStream(raw));
            Optional<String> plain = find(m, "text/plain");
            if (plain.isPresent()) {
                return plain.get();
            }
            return find(m, "text/html").map(BodyText::htmlToText).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Optional<String> find(Entity e, String type) throws IOException {
        if (e.getBody() instanceof Multipart mp) {
            for (Entity part : mp.getBodyParts()) {
                Optional<String> found = find(part, type);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (e.getBody() instanceof TextBody tb && e.getMimeType().toLowerCase(Locale.ROOT).equals(type)
                && !"attachment".equalsIgnoreCase(e.getDispositionType())) {
            try (Reader r = tb.getReader()) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) > 0;) {
                    sb.append(buf, 0, n);
                }
                return Optional.of(sb.toString().replace("\r\n", "\n").replace('\r', '\n'));
            }
        }
        return Optional.empty();
    }

    private static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings(new Document.OutputSettings().prettyPrint(false));
        doc.select("br").after("\\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4, blockquote").before("\\n");
        doc.select("blockquote").remove();
        return doc.text().replace("\\n", "\n").lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }
}
