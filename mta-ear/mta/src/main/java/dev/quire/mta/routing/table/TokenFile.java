package dev.quire.mta.routing.table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An admin-edited file of secret tokens, one per line ({@code #} comments and blank lines skipped), picked up on
 * change like the routing tables, so that a token is added or revoked without a restart. A token shorter than the
 * minimum makes the file not parse: the previous good contents stay in force and the problem is logged with its
 * line.
 */
public final class TokenFile {
    private final WatchedFile<List<byte[]>> file;

    public TokenFile(Path path, Duration checkInterval, int minLength) {
        this.file = new WatchedFile<>(path, checkInterval, lines -> parse(lines, minLength), List.of());
    }

    /** The tokens in the file now (empty when it is missing). */
    public List<byte[]> tokens() {
        return file.get();
    }

    private static List<byte[]> parse(List<String> lines, int minLength) throws TableSyntaxException {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.length() < minLength || t.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw new TableSyntaxException(i + 1, "a token is at least " + minLength
                        + " printable characters without spaces");
            }
            out.add(t.getBytes(StandardCharsets.US_ASCII));
        }
        return List.copyOf(out);
    }
}
