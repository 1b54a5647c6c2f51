package dev.quire.mail.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The argument of MAIL FROM: and RCPT TO: after the colon: {@code <path> [KEY[=VALUE] ...]}. The path is returned
 * without its brackets and not yet validated as an address.
 *
 * @param path the text between the angle brackets, possibly empty
 * @param params the ESMTP parameters, keys upper-cased, "" for a keyword without a value, in order
 */
record PathArgument(String path, Map<String, String> params) {

    /**
     * Parses {@code FROM:<path> params} or {@code TO:<path> params}.
     *
     * @param argument the command argument
     * @param prefix {@code FROM:} or {@code TO:}, matched case-insensitively
     * @return the parsed argument, or null if the syntax is wrong
     */
    static PathArgument parse(String argument, String prefix) {
        if (!argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String rest = argument.substring(prefix.length()).stripLeading();
        if (!rest.startsWith("<")) {
            return null;
        }
        int close = closingBracket(rest);
        if (close < 0) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        String tail = rest.substring(close + 1);
        if (!tail.isEmpty() && !tail.startsWith(" ")) {
            return null;
        }
        for (String token : tail.strip().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            String key = (eq < 0 ? token : token.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (key.isEmpty() || !key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')
                    || params.containsKey(key)) {
                return null;
            }
            String value = eq < 0 ? "" : token.substring(eq + 1);
            if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return null;
            }
            params.put(key, value);
        }
        return new PathArgument(rest.substring(1, close), Collections.unmodifiableMap(params));
    }

    /** The index of the {@code >} closing the path, skipping quoted strings in the local part. */
    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
