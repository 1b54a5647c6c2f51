package dev.quire.lists.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.BodyPart;
import org.apache.james.mime4j.message.MultipartImpl;

import dev.quire.lists.message.MailMessage;
import dev.quire.lists.message.MimeTree;
import dev.quire.mail.QuotedPrintable;

/**
 * {@code decorate}: puts the list's rendered header and footer around a copy's content, MIME-correctly.
 * A single text/plain body in US-ASCII or UTF-8 (7bit, 8bit or quoted-printable) gets them inline, encoded as
 * the body is; a multipart/mixed gets them as text/plain parts first and last; anything else (HTML,
 * multipart/alternative, a signed message, a wrapped post) becomes the middle part of a new multipart/mixed,
 * so its own structure and any signature on it stay intact. Runs per copy at delivery.
 */
public final class Decorate {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Decorate() {
    }

    /** Decorates in place; blank texts add nothing. */
    public static void apply(MailMessage m, String header, String footer) throws IOException {
        String h = blankToNull(header);
        String f = blankToNull(footer);
        if (h == null && f == null) {
            return;
        }
        switch (route(m, h, f)) {
            case INLINE :
                inline(m, h, f, false);
                break;
            case INLINE_QP :
                inline(m, h, f, true);
                break;
            case PARTS :
                asParts(m, h, f);
                break;
            default :
                wrapped(m, h, f);
        }
    }

    /** How {@link #apply} decorates a message with these (non-blank) texts. */
    enum Route {
        /** Inline, the texts as they are (7bit or 8bit body): a text's characters appear verbatim. */
        INLINE,
        /** Inline, the texts quoted-printable encoded. */
        INLINE_QP,
        /** As text/plain parts of the message's multipart/mixed. */
        PARTS,
        /** The message becomes the middle part of a new multipart/mixed. */
        WRAPPED
    }

    /** The route {@link #apply} takes; blank texts count as absent. */
    static Route route(MailMessage m, String header, String footer) throws IOException {
        String h = blankToNull(header);
        String f = blankToNull(footer);
        ContentTypeField type = contentType(m);
        String mime = type == null ? "text/plain" : type.getMimeType().toLowerCase(Locale.ROOT);
        String charset = type == null || type.getCharset() == null
                ? "us-ascii"
                : type.getCharset().toLowerCase(Locale.ROOT);
        String cte = m.header("Content-Transfer-Encoding").orElse("7bit").strip().toLowerCase(Locale.ROOT);
        boolean ascii = (h == null || isAscii(h)) && (f == null || isAscii(f));
        boolean charsetFits = charset.equals("utf-8") || charset.equals("utf8")
                || (ascii && (charset.equals("us-ascii") || charset.startsWith("iso-8859-")));
        boolean cteFits = cte.equals("8bit") || cte.equals("quoted-printable") || (ascii && cte.equals("7bit"));
        if (mime.equals("text/plain") && charsetFits && cteFits) {
            return cte.equals("quoted-printable") ? Route.INLINE_QP : Route.INLINE;
        } else if (mime.equals("multipart/mixed")) {
            return Route.PARTS;
        }
        return Route.WRAPPED;
    }

    private static void inline(MailMessage m, String header, String footer, boolean qp) {
        String body = new String(m.body(), StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(body.length() + 512);
        if (header != null) {
            out.append(encoded(header, qp));
        }
        out.append(body);
        if (!body.isEmpty() && !body.endsWith("\n")) {
            out.append("\r\n");
        }
        if (footer != null) {
            out.append(encoded(footer, qp));
        }
        m.setBody(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Text with CRLF line ends and a final line end, as the body's bytes (ISO-8859-1 characters). */
    private static String encoded(String text, boolean qp) {
        String lines = text.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!lines.endsWith("\r\n")) {
            lines += "\r\n";
        }
        if (qp) {
            String encoded = QuotedPrintable.encode(lines);
            return encoded.endsWith("\r\n") ? encoded : encoded + "\r\n";
        }
        return new String(lines.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static void asParts(MailMessage m, String header, String footer) throws IOException {
        Message tree = MimeTree.parse(m);
        Multipart parts = (Multipart) tree.getBody();
        if (header != null) {
            parts.addBodyPart(MimeTree.textPart(header), 0);
        }
        if (footer != null) {
            parts.addBodyPart(MimeTree.textPart(footer));
        }
        MimeTree.store(tree, m);
    }

    private static void wrapped(MailMessage m, String header, String footer) throws IOException {
        Message tree = MimeTree.parse(m);
        BodyPart original = new BodyPart();
        original.setHeader(new org.apache.james.mime4j.message.HeaderImpl());
        MimeTree.replaceContent(original, tree);
        Multipart mixed = new MultipartImpl("mixed");
        if (header != null) {
            mixed.addBodyPart(MimeTree.textPart(header));
        }
        mixed.addBodyPart(original);
        if (footer != null) {
            mixed.addBodyPart(MimeTree.textPart(footer));
        }
        tree.getHeader().removeFields("Content-Transfer-Encoding");
        tree.getHeader().removeFields("Content-Disposition");
        tree.getHeader().removeFields("Content-Description");
        tree.getHeader().setField(MimeTree.field("Content-Type: multipart/mixed; boundary=\"=_quire_"
                + HexFormat.of().formatHex(random()) + "\""));
        tree.getHeader().setField(MimeTree.field("MIME-Version: 1.0"));
        tree.setBody(mixed);
        MimeTree.store(tree, m);
    }

    private static ContentTypeField contentType(MailMessage m) throws IOException {
        var value = m.header("Content-Type");
        if (value.isEmpty()) {
            return null;
        }
        var field = MimeTree.field("Content-Type: " + value.get());
        return field instanceof ContentTypeField ? (ContentTypeField) field : null;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static byte[] random() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }
}
