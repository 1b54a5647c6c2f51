package dev.quire.lists.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 5322 message: an ordered list of header fields, each kept byte for byte as received (folding
 * included), and the body bytes. Edits touch only the fields they name.
 */
public final class MailMessage {
    private final List<Field> fields;
    private byte[] body;

    private MailMessage(List<Field> fields, byte[] body) {
        this.fields = fields;
        this.body = body;
    }

    /** One header field: its name and its raw text, from the name to the final CRLF. */
    private record Field(String name, String raw) {
        String value() {
            String v = raw.substring(raw.indexOf(':') + 1);
            return v.replaceAll("\r?\n(?=[ \t])", "").strip();
        }
    }

    /** Parses a message; bytes are kept as ISO-8859-1 characters so every octet survives unchanged. */
    public static MailMessage parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int eol = lineEnd(text, pos);
            String line = text.substring(pos, eol);
            if (line.isEmpty() || line.equals("\r\n") || line.equals("\n")) {
                pos = eol;
                break;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            int colon = line.indexOf(':');
            if (continuation && !fields.isEmpty()) {
                Field last = fields.remove(fields.size() - 1);
                fields.add(new Field(last.name(), last.raw() + line));
            } else if (colon > 0 && line.substring(0, colon).matches("[\\x21-\\x39\\x3B-\\x7E]+")) {
                fields.add(new Field(line.substring(0, colon), line));
            } else {
                break;
            }
            pos = eol;
        }
        return new MailMessage(fields, text.substring(pos).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** The first field of that name, unfolded and trimmed. */
    public Optional<String> header(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    /** Every field of that name, unfolded and trimmed, in order. */
    public List<String> headers(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /** Adds a field before all others (trace and list fields go on top). */
    public void prepend(String name, String value) {
        fields.add(0, field(name, value));
    }

    /** Replaces every field of that name by one, where the first stood, or appends it. */
    public void set(String name, String value) {
        int at = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                at = at < 0 ? i : at;
            }
        }
        remove(name);
        if (at < 0 || at > fields.size()) {
            fields.add(field(name, value));
        } else {
            fields.add(at, field(name, value));
        }
    }

    /** Removes every field of that name. */
    public void remove(String name) {
        fields.removeIf(f -> f.name().equalsIgnoreCase(name));
    }

    /** Replaces the body; the caller sets the MIME fields that describe it. */
    public void setBody(byte[] body) {
        this.body = body.clone();
    }

    /** An independent copy, for a per-recipient version of the message. */
    public MailMessage copy() {
        return new MailMessage(new ArrayList<>(fields), body);
    }

    /** Every field as received, folding and CRLF included, in order: what a signer canonicalizes. */
    public List<String> rawFields() {
        return fields.stream().map(Field::raw).toList();
    }

    /** Every field of that name as received (folding and CRLF included), in order. */
    public List<String> rawFields(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::raw).toList();
    }

    /** Adds a field whose value is already folded RFC 5322 text (a signature), above all others. */
    public void prependRaw(String name, String foldedValue) {
        String raw = name + ": " + foldedValue;
        fields.add(0, new Field(name, raw.endsWith("\r\n") ? raw : raw + "\r\n"));
    }

    public byte[] body() {
        return body.clone();
    }

    /** The message as bytes, CRLF between header section and body. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4096);
        for (Field f : fields) {
            byte[] b = f.raw().getBytes(StandardCharsets.ISO_8859_1);
            out.write(b, 0, b.length);
            if (!f.raw().endsWith("\n")) {
                out.write('\r');
                out.write('\n');
            }
        }
        out.write('\r');
        out.write('\n');
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static Field field(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header values are set unfolded: " + name);
        }
        String raw = name + ": " + new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                + "\r\n";
        return new Field(name, raw);
    }
}
