package dev.quire.lists.deliverability.dmarc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TXT answers from a table of {@code name record} lines ({@code # comments}), consulted before another
 * lookup: what tests and sites that pin a record use.
 */
public final class StaticTxtLookup implements TxtLookup {
    private final Map<String, List<String>> table;
    private final TxtLookup next;

    public StaticTxtLookup(Map<String, List<String>> table, TxtLookup next) {
        this.table = Map.copyOf(table);
        this.next = next;
    }

    public static StaticTxtLookup fromFile(Path file, TxtLookup next) throws IOException {
        Map<String, List<String>> table = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 2);
            String record = parts.length > 1 ? parts[1].replaceAll("^\"|\"$", "") : "";
            table.computeIfAbsent(key(parts[0]), k -> new ArrayList<>()).add(record);
        }
        return new StaticTxtLookup(table, next);
    }

    @Override
    public List<String> txt(String name) throws IOException {
        List<String> found = table.get(key(name));
        if (found != null) {
            return found;
        }
        return next == null ? List.of() : next.txt(name);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    }
}
