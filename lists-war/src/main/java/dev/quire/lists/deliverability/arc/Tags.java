package dev.quire.lists.deliverability.arc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DKIM tag=value lists (RFC 6376 section 3.2) as ARC uses them: names lower case, values with folding
 * whitespace removed where it cannot matter ({@code b}, {@code bh}, {@code h}) and trimmed elsewhere; and the
 * field with its {@code b=} value emptied, as a signature is computed over it.
 */
final class Tags {
    private static final Pattern B_VALUE = Pattern.compile("(^|;)([ \\t\\r\\n]*b[ \\t\\r\\n]*=)[^;]*");

    private Tags() {
    }

    static Map<String, String> parse(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = part.substring(eq + 1);
            v = name.equals("b") || name.equals("bh") || name.equals("h")
                    ? v.replaceAll("[ \\t\\r\\n]+", "")
                    : v.replaceAll("\\r?\\n", "").strip();
            tags.putIfAbsent(name, v);
        }
        return tags;
    }

    /** The raw field (name included) with the value of its b= tag removed. */
    static String withoutSignature(String raw) {
        int colon = raw.indexOf(':');
        String value = raw.substring(colon + 1);
        return raw.substring(0, colon + 1) + B_VALUE.matcher(value).replaceFirst("$1$2");
    }
}
