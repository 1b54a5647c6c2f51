package dev.quire.lists.pending;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret that resumes a pending request: 160 random bits as 40 lower-case hex digits, safe in a
 * local part ({@code list-confirm+TOKEN@domain}), a subject line and a URL.
 */
public record Token(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{40}");

    public Token {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a token: " + value);
        }
    }

    public static Token generate() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Token(HexFormat.of().formatHex(bytes));
    }

    /** Reads a token from user input (a subject, an address detail, a URL); case and spaces ignored. */
    public static Optional<Token> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return FORM.matcher(t).matches() ? Optional.of(new Token(t)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
