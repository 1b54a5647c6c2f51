package dev.quire.mta.bounce;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.quire.mail.EmailAddress;

/**
 * Text for header fields and report lines: untrusted strings made one line of printable ASCII, folded at whitespace,
 * never longer than RFC 5322 allows.
 */
final class FieldText {
    static final String CRLF = "\r\n";
    /** RFC 5322 section 2.1.1: lines SHOULD stay within 78 characters. */
    static final int SOFT_LIMIT = 78;
    /** A word longer than this is split, so that no line exceeds the 998-octet limit. */
    static final int LONGEST_WORD = 900;

    private static final DateTimeFormatter DATE = DateTimeFormatter
            .ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private FieldText() {
    }

    /**
     * Untrusted text as one line: line breaks, tabs and other controls become single spaces (so a folded or multiline
     * reply unfolds and nothing can start a new header field), anything not printable ASCII becomes {@code ?}, runs
     * of spaces collapse, the ends are trimmed. Null stays null; text with nothing left becomes null.
     */
    static String oneLine(String untrusted) {
        if (untrusted == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(untrusted.length());
        boolean space = false;
        for (int i = 0; i < untrusted.length(); i++) {
            char c = untrusted.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < untrusted.length()
                    && Character.isLowSurrogate(untrusted.charAt(i + 1))) {
                i++;
            }
            out.append(c < 0x7f ? c : '?');
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * A header field {@code name: value}, folded at spaces before {@value #SOFT_LIMIT} characters where it can be,
     * ending in CRLF. A word longer than {@value #LONGEST_WORD} characters is split with a fold, which puts a space
     * into the unfolded value; that is the price of staying under 998 octets.
     */
    static String field(String name, String value) {
        StringBuilder out = new StringBuilder(name.length() + value.length() + 8);
        StringBuilder line = new StringBuilder(name).append(':');
        boolean first = true;
        for (String word : words(value)) {
            if (!first && line.length() + 1 + word.length() > SOFT_LIMIT) {
                out.append(line).append(CRLF);
                line.setLength(0);
            }
            line.append(' ').append(word);
            first = false;
        }
        return out.append(line).append(CRLF).toString();
    }

    /** Text wrapped into lines of at most {@code width} characters where spaces allow, each line indented. */
    static String wrap(String text, String indent, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        boolean empty = true;
        for (String word : words(text)) {
            if (!empty && line.length() + 1 + word.length() > width) {
                out.append(line).append(CRLF);
                line.setLength(0);
                line.append(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        return out.append(line).append(CRLF).toString();
    }

    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String word : value.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            for (int i = 0; i < word.length(); i += LONGEST_WORD) {
                words.add(word.substring(i, Math.min(word.length(), i + LONGEST_WORD)));
            }
        }
        return words;
    }

    /** An RFC 5322 date-time in UTC, such as {@code Tue, 3 Jun 2008 11:05:30 +0000}. */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /**
     * An address with its RFC 3464 address type: {@code rfc822; local@domain}, or for an internationalised address
     * {@code utf-8; } and the RFC 6533 utf-8-addr-xtext form, which keeps the delivery-status part ASCII.
     */
    static String typedAddress(EmailAddress address) {
        String mailbox = address.mailbox();
        if (mailbox.chars().allMatch(c -> c > ' ' && c < 0x7f || c == ' ')) {
            return "rfc822; " + mailbox;
        }
        StringBuilder out = new StringBuilder("utf-8; ");
        mailbox.codePoints().forEach(cp -> {
            if (cp > ' ' && cp < 0x7f && cp != '+' && cp != '=' && cp != '\\') {
                out.append((char) cp);
            } else {
                String hex = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
                out.append("\\x{").append(hex.length() < 2 ? "0" + hex : hex).append('}');
            }
        });
        return out.toString();
    }

    /**
     * Decodes RFC 3461 xtext ({@code +2B} for {@code +}), or returns null if the text is not well-formed xtext. The
     * result is untrusted and still needs {@link #oneLine(String)}.
     */
    static String decodeXtext(String xtext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xtext.length());
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+') {
                if (i + 2 >= xtext.length() || !isHex(xtext.charAt(i + 1)) || !isHex(xtext.charAt(i + 2))) {
                    return null;
                }
                out.write(Integer.parseInt(xtext.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < '!' || c > '~' || c == '=') {
                return null;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
