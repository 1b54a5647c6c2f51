package dev.quire.mail.smtp;

import java.util.regex.Pattern;

/**
 * One SMTP reply: a three-digit code, an optional RFC 3463 enhanced status such as {@code 2.1.0}, and text. A
 * multi-line reply keeps its lines separated by {@code \n} in {@code text}.
 *
 * @param code the reply code, 200 to 599
 * @param enhancedStatus the enhanced status code whose class matches the code's first digit, or null
 * @param text the reply text; never null after construction, no CR and no control characters except LF and TAB
 */
public record Reply(int code, String enhancedStatus, String text) {

    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    /** Validates the parts so that a reply can never inject a line into the protocol stream. */
    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        if (enhancedStatus != null && (!ENHANCED.matcher(enhancedStatus).matches()
                || enhancedStatus.charAt(0) - '0' != code / 100)) {
            throw new IllegalArgumentException("bad enhanced status " + enhancedStatus + " for code " + code);
        }
        text = text == null ? "" : text;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("control character in reply text");
            }
        }
    }

    /** A {@code 250} reply. */
    public static Reply ok(String enhanced, String text) {
        return new Reply(250, enhanced, text);
    }

    /** True for 2xx and 3xx replies (completion and intermediate). */
    public boolean isPositive() {
        return code < 400;
    }

    /** True for 4xx replies: try again later. */
    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    /** True for 5xx replies: do not retry. */
    public boolean isPermanent() {
        return code >= 500;
    }

    /**
     * The reply as sent on the wire without the final CRLF: {@code 250 2.1.0 text}; lines of a multi-line text are
     * joined by CRLF with {@code 250-} continuation prefixes.
     */
    public String toWire() {
        String[] lines = text.split("\n", -1);
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                wire.append("\r\n");
            }
            wire.append(code).append(i < lines.length - 1 ? '-' : ' ');
            if (enhancedStatus != null) {
                wire.append(enhancedStatus).append(' ');
            }
            wire.append(lines[i]);
        }
        int end = wire.length();
        while (end > 0 && wire.charAt(end - 1) == ' ') {
            end--;
        }
        wire.setLength(end);
        return wire.toString();
    }
}
