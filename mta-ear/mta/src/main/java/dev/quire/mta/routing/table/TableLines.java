package dev.quire.mta.routing.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The line syntax every table file shares, and the checks on the domain names they contain. */
final class TableLines {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_DOMAIN_LENGTH = 253;

    /** One logical line and the number of the physical line it starts on. */
    record Line(int number, String text) {
    }

    private TableLines() {
    }

    /**
     * The logical lines of a table: blank lines and lines whose first non-blank character is {@code #} are
     * skipped; with {@code continuation}, a line starting with whitespace continues the previous logical line
     * (joined with one space), as in aliases(5) and Postfix tables; without it, leading whitespace is ignored.
     */
    static List<Line> logical(List<String> physical, boolean continuation) throws TableSyntaxException {
        List<Line> out = new ArrayList<>();
        StringBuilder current = null;
        int currentStart = 0;
        for (int i = 0; i < physical.size(); i++) {
            String raw = physical.get(i);
            checkCharacters(raw, i + 1);
            String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.charAt(0) == '#') {
                continue;
            }
            boolean continues = continuation && Character.isWhitespace(raw.charAt(0));
            if (continues) {
                if (current == null) {
                    throw new TableSyntaxException(i + 1, "continuation line without an entry to continue");
                }
                current.append(' ').append(stripped);
                continue;
            }
            if (current != null) {
                out.add(new Line(currentStart, current.toString()));
            }
            current = new StringBuilder(stripped);
            currentStart = i + 1;
        }
        if (current != null) {
            out.add(new Line(currentStart, current.toString()));
        }
        return out;
    }

    /** Splits a logical line into whitespace-separated columns and checks how many there are. */
    static String[] columns(Line line, int count, String expected) throws TableSyntaxException {
        String[] columns = line.text().split("\\s+");
        if (columns.length != count) {
            throw new TableSyntaxException(line.number(), "expected " + expected);
        }
        return columns;
    }

    /** A lower-cased ASCII LDH domain name, or null if {@code text} is not one (IP addresses are not domains here). */
    static String domainOrNull(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DOMAIN_LENGTH) {
            return null;
        }
        String d = text.toLowerCase(Locale.ROOT);
        String[] labels = d.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        // an all-numeric last label is an IPv4 address (or nonsense), never a domain
        return labels[labels.length - 1].chars().allMatch(Character::isDigit) ? null : d;
    }

    /** {@link #domainOrNull} for table content: a bad domain is a syntax error on that line. */
    static String domain(String text, int line) throws TableSyntaxException {
        String d = domainOrNull(text);
        if (d == null) {
            throw new TableSyntaxException(line, "not a domain name: " + printable(text));
        }
        return d;
    }

    /** Text safe to put in a log line: control characters replaced, length capped. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > 200 ? b + "..." : b.toString();
    }

    private static void checkCharacters(String line, int number) throws TableSyntaxException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new TableSyntaxException(number, "control character in line");
            }
        }
    }
}
