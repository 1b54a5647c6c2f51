package dev.quire.mta.routing.table;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * The aliases(5) grammar of alias files and {@code :include:} files, parsed into targets that still need the
 * alias file's domain (unqualified names) and the include files' content.
 */
final class AliasSyntax {
    private static final String FAIL = ":fail:";
    private static final String DEFER = ":defer:";
    private static final String INCLUDE = ":include:";
    private static final String BLACKHOLE = ":blackhole:";
    private static final String DEFAULT_FAIL_TEXT = "Mailbox unavailable";
    private static final String DEFAULT_DEFER_TEXT = "Mailbox temporarily unavailable, try again later";
    /** A syntactically valid domain used only to check that a name is a valid local part. */
    private static final String CHECK_DOMAIN = "localhost";

    /** A target as written: complete, an unqualified name, or an include file. */
    sealed interface Raw {
    }

    record Complete(AliasTarget target) implements Raw {
    }

    /** A local part (wire form) to qualify with the domain of the alias file. */
    record Unqualified(String localPart) implements Raw {
    }

    record Include(Path path) implements Raw {
    }

    private AliasSyntax() {
    }

    /** Parses an alias file into lower-cased, unquoted alias names and their targets. */
    static Map<String, List<Raw>> parseAliasFile(List<String> lines, Path baseDir) throws TableSyntaxException {
        Map<String, List<Raw>> aliases = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (TableLines.Line line : TableLines.logical(lines, true)) {
            String text = line.text();
            int colon;
            String name;
            if (text.charAt(0) == '"') {
                int close = closingQuote(text, 0);
                if (close < 0) {
                    throw new TableSyntaxException(line.number(), "unterminated quoted alias name");
                }
                name = unquote(text.substring(0, close + 1));
                colon = close + 1;
                while (colon < text.length() && Character.isWhitespace(text.charAt(colon))) {
                    colon++;
                }
                if (colon >= text.length() || text.charAt(colon) != ':') {
                    throw new TableSyntaxException(line.number(), "expected ':' after the alias name");
                }
                checkQuotedName(name, line.number());
            } else {
                colon = text.indexOf(':');
                if (colon < 0) {
                    throw new TableSyntaxException(line.number(), "expected 'name: target, ...'");
                }
                name = text.substring(0, colon).strip();
                checkLocalPart(name, line.number());
            }
            String key = key(name);
            Integer previous = firstSeen.putIfAbsent(key, line.number());
            if (previous != null) {
                throw new TableSyntaxException(line.number(),
                        "duplicate alias " + TableLines.printable(name) + " (first defined on line " + previous + ")");
            }
            List<Raw> targets = parseTargets(text.substring(colon + 1), line.number(), baseDir, true);
            if (targets.isEmpty()) {
                throw new TableSyntaxException(line.number(),
                        "alias " + TableLines.printable(name) + " has no targets");
            }
            aliases.put(key, targets);
        }
        return Collections.unmodifiableMap(aliases);
    }

    /** Parses an include file: each line holds one or more comma-separated targets. */
    static List<Raw> parseIncludeFile(List<String> lines, Path baseDir) throws TableSyntaxException {
        List<Raw> targets = new ArrayList<>();
        for (TableLines.Line line : TableLines.logical(lines, false)) {
            targets.addAll(parseTargets(line.text(), line.number(), baseDir, false));
        }
        return List.copyOf(targets);
    }

    /** The table key of an alias name: unquoted and lower-cased. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The content of a quoted string {@code "..."} with its backslash escapes removed; other text unchanged. */
    static String unquote(String text) {
        if (text.length() < 2 || text.charAt(0) != '"' || closingQuote(text, 0) != text.length() - 1) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() - 1) {
                c = text.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Index of the quote closing the quoted string that starts at {@code open}, or -1. */
    private static int closingQuote(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static List<Raw> parseTargets(String value, int line, Path baseDir, boolean statusAllowed)
            throws TableSyntaxException {
        List<Raw> targets = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            String status = startsWithIgnoreCase(value, i, FAIL)
                    ? FAIL
                    : startsWithIgnoreCase(value, i, DEFER) ? DEFER : null;
            if (status != null) {
                if (!statusAllowed) {
                    throw new TableSyntaxException(line, status + " is not allowed in an include file");
                }
                if (!targets.isEmpty()) {
                    throw new TableSyntaxException(line, status + " must be the only target of an alias");
                }
                String text = value.substring(i + status.length()).strip();
                checkReplyText(text, line);
                targets.add(new Complete(status.equals(FAIL)
                        ? new AliasTarget.Fail(text.isEmpty() ? DEFAULT_FAIL_TEXT : text)
                        : new AliasTarget.Defer(text.isEmpty() ? DEFAULT_DEFER_TEXT : text)));
                return targets;
            }
            int start = i;
            boolean quoted = false;
            for (; i < n; i++) {
                char c = value.charAt(i);
                if (quoted && c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    break;
                }
            }
            if (quoted) {
                throw new TableSyntaxException(line, "unterminated quoted string");
            }
            String item = value.substring(start, Math.min(i, n)).strip();
            i++;
            if (!item.isEmpty()) {
                targets.add(parseItem(item, line, baseDir));
            }
        }
        return targets;
    }

    private static Raw parseItem(String item, int line, Path baseDir) throws TableSyntaxException {
        String content = unquote(item);
        boolean wholeQuoted = !content.equals(item);
        if (content.startsWith("|")) {
            String command = content.substring(1).strip();
            if (command.isEmpty()) {
                throw new TableSyntaxException(line, "empty pipe command");
            }
            return new Complete(new AliasTarget.Pipe(command));
        }
        if (content.startsWith("/")) {
            return new Complete(new AliasTarget.FileAppend(path(content, line)));
        }
        if (startsWithIgnoreCase(content, 0, INCLUDE)) {
            String file = content.substring(INCLUDE.length()).strip();
            if (file.isEmpty()) {
                throw new TableSyntaxException(line, ":include: without a file name");
            }
            return new Include(baseDir.resolve(path(file, line)).toAbsolutePath().normalize());
        }
        if (content.equalsIgnoreCase(BLACKHOLE)) {
            return new Complete(new AliasTarget.Blackhole());
        }
        if (content.startsWith(":")) {
            throw new TableSyntaxException(line, "unknown special target " + TableLines.printable(content));
        }
        try {
            if (wholeQuoted && content.indexOf('@') > 0) {
                return new Complete(new AliasTarget.Address(EmailAddress.parse(content)));
            }
            if (!wholeQuoted && item.indexOf('@') >= 0) {
                return new Complete(new AliasTarget.Address(EmailAddress.parse(item)));
            }
            String local = wholeQuoted && isLocalPart(content) ? content : item;
            EmailAddress.of(local, CHECK_DOMAIN);
            return new Unqualified(local);
        } catch (InvalidAddressException e) {
            throw new TableSyntaxException(line, "bad address " + TableLines.printable(item) + ": " + e.getMessage());
        }
    }

    private static boolean isLocalPart(String text) {
        try {
            EmailAddress.of(text, CHECK_DOMAIN);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }

    private static Path path(String text, int line) throws TableSyntaxException {
        try {
            return Path.of(text).normalize();
        } catch (InvalidPathException e) {
            throw new TableSyntaxException(line, "bad path " + TableLines.printable(text));
        }
    }

    private static void checkLocalPart(String name, int line) throws TableSyntaxException {
        try {
            EmailAddress.of(name, CHECK_DOMAIN);
        } catch (InvalidAddressException e) {
            throw new TableSyntaxException(line,
                    "bad alias name " + TableLines.printable(name) + ": " + e.getMessage());
        }
    }

    private static void checkQuotedName(String name, int line) throws TableSyntaxException {
        if (name.isEmpty() || name.length() > EmailAddress.MAX_LOCAL_LENGTH) {
            throw new TableSyntaxException(line, "quoted alias name is empty or too long");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) > 0x7e) {
                throw new TableSyntaxException(line, "quoted alias name must be printable ASCII");
            }
        }
    }

    /** Reply text goes onto the SMTP wire: printable ASCII only. */
    private static void checkReplyText(String text, int line) throws TableSyntaxException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new TableSyntaxException(line, ":fail:/:defer: text must be printable ASCII");
            }
        }
    }

    private static boolean startsWithIgnoreCase(String text, int offset, String prefix) {
        return text.regionMatches(true, offset, prefix, 0, prefix.length());
    }
}
