package dev.quire.lists.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs as threading reads them: the {@code <...>} tokens of Message-ID, In-Reply-To and References,
 * and the SHA-256 of an id without its brackets, which identifies a message within a list's archive.
 */
public final class MessageIds {
    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

    private MessageIds() {
    }

    /** The ids in a header value, brackets removed, in order. */
    public static List<String> parse(String headerValue) {
        List<String> out = new ArrayList<>();
        if (headerValue == null) {
            return out;
        }
        Matcher m = ID.matcher(headerValue);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    public static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id for a message that has none: derived from its content, so a re-import finds it again. */
    public static String synthetic(byte[] raw) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(h, 0, 16) + "@archive.quire.invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lower-case hex form of an id's hash, as it appears in Archived-At URLs. */
    public static String hex(String id) {
        return HexFormat.of().formatHex(hash(id));
    }
}
