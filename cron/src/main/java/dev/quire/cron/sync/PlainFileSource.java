package dev.quire.cron.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file of addresses, one per line; blank lines and lines starting with {@code #} are skipped. */
final class PlainFileSource {
    private PlainFileSource() {
    }

    static SourceReadout read(String sourceName, Path file) throws SourceFailure {
        List<SourceEntry> entries = new ArrayList<>();
        List<InvalidLine> invalid = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                Lines.add(sourceName, number, text, null, entries, invalid);
            }
        } catch (IOException e) {
            throw new SourceFailure(sourceName + ": cannot read " + file + ": " + e, e);
        }
        return new SourceReadout(entries, invalid);
    }
}
