package dev.quire.lists.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.field.DefaultFieldParser;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.BodyPart;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.HeaderImpl;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * The bridge between the raw header model and Mime4j's tree: a post's body and its top-level MIME fields
 * are parsed into a tree, edited, and written back. Only the MIME fields travel; every other header field
 * stays byte for byte in the {@link MailMessage}.
 */
public final class MimeTree {
    /** The top-level fields that describe the body. */
    public static final List<String> CONTENT_FIELDS = List.of("MIME-Version", "Content-Type",
            "Content-Transfer-Encoding",
            "Content-Disposition", "Content-Description");

    private MimeTree() {
    }

    /** The body of a post as a MIME tree whose root carries only the post's MIME fields. */
    public static Message parse(MailMessage message) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (String name : CONTENT_FIELDS) {
            for (String field : message.rawFields(name)) {
                raw.writeBytes(field.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        raw.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(message.body());
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        try {
            return builder.parseMessage(new ByteArrayInputStream(raw.toByteArray()));
        } catch (RuntimeException e) {
            throw new IOException("unparseable MIME structure", e);
        }
    }

    /** Writes the tree back: the post's MIME fields and body become the tree's. */
    public static void store(Message tree, MailMessage message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DefaultMessageWriter().writeMessage(tree, out);
        MailMessage written = MailMessage.parse(out.toByteArray());
        for (String name : CONTENT_FIELDS) {
            message.remove(name);
            written.header(name).ifPresent(value -> message.set(name, value));
        }
        message.setBody(written.body());
    }

    /** Replaces an entity's content (MIME fields and body) by another's. */
    public static void replaceContent(Entity target, Entity source) {
        Header header = target.getHeader();
        for (String name : CONTENT_FIELDS) {
            if (!name.equals("MIME-Version")) {
                header.removeFields(name);
            }
        }
        for (Field f : source.getHeader().getFields()) {
            if (f.getName().toLowerCase(java.util.Locale.ROOT).startsWith("content-")) {
                header.addField(f);
            }
        }
        target.removeBody();
        target.setBody(source.removeBody());
    }

    /** A new text/plain part in UTF-8, quoted-printable on the wire. */
    public static BodyPart textPart(String text) throws IOException {
        BodyPart part = new BodyPart();
        Header header = new HeaderImpl();
        header.addField(field("Content-Type: text/plain; charset=utf-8"));
        header.addField(field("Content-Transfer-Encoding: quoted-printable"));
        header.addField(field("Content-Disposition: inline"));
        part.setHeader(header);
        part.setBody(BasicBodyFactory.INSTANCE.textBody(text, StandardCharsets.UTF_8));
        return part;
    }

    public static Field field(String raw) throws IOException {
        try {
            return DefaultFieldParser.parse(raw);
        } catch (MimeException e) {
            throw new IOException(e);
        }
    }
}
