package dev.quire.mta.scan;

import java.util.List;
import java.util.Locale;

/**
 * The {@code X-Spam-Score} and {@code X-Spam-Report} header fields for a scored message. The report comes from
 * spamd and is untrusted: each of its lines becomes a continuation line (CRLF TAB) holding only printable ASCII,
 * so no reply can end the field early or start one of its own; lines are wrapped at 78 columns and the report
 * is cut at {@link #MAX_REPORT} characters.
 */
final class SpamHeaders {
    static final int MAX_REPORT = 2000;
    private static final int WIDTH = 78;

    private SpamHeaders() {
    }

    static List<String> render(SpamResult result) {
        return List.of("X-Spam-Score: " + score(result.score()), "X-Spam-Report: " + fold(result.report()));
    }

    /** A score as spamd prints it: one decimal, a dot, never {@code -0.0}. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score + 0.0);
    }

    /** The report as a folded header value (without the field name). */
    static String fold(String report) {
        StringBuilder value = new StringBuilder();
        int budget = MAX_REPORT;
        for (String raw : report.split("\r\n|\r|\n")) {
            String line = clean(raw);
            if (line.isEmpty() || budget <= 0) {
                continue;
            }
            if (line.length() > budget) {
                line = line.substring(0, budget);
            }
            budget -= line.length();
            wrap(value, line);
        }
        return value.length() == 0 ? "(none)" : value.toString();
    }

    /** Printable ASCII only, whitespace and control characters collapsed to one space, other characters '?'. */
    private static String clean(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch > 0x20 && ch < 0x7f) {
                sb.append(ch);
            } else if ((ch <= 0x20 || ch == 0x7f) && sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            } else if (ch > 0x7f) {
                sb.append('?');
            }
        }
        return sb.toString().strip();
    }

    /** Appends {@code line} as continuation lines of at most {@link #WIDTH} columns (a tab counts as eight). */
    private static void wrap(StringBuilder value, String line) {
        int max = WIDTH - 8;
        int at = 0;
        while (at < line.length()) {
            int end = Math.min(line.length(), at + max);
            if (end < line.length()) {
                int space = line.lastIndexOf(' ', end);
                if (space > at) {
                    end = space;
                }
            }
            value.append("\r\n\t").append(line, at, end);
            at = end;
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
