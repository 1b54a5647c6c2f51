package dev.quire.mta.routing.table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <config>/relay-domains}: one domain per line, the domains accepted in order to forward them elsewhere.
 * {@code example.org} matches that domain only; {@code .example.org} matches any subdomain of it. The key is a
 * domain; the value is the entry that matched it.
 */
public final class RelayDomains implements LookupTable<String> {
    /** The file name under the configuration directory. */
    public static final String FILE = "relay-domains";

    private final WatchedFile<Set<String>> file;

    public RelayDomains(Path configDirectory) {
        this(configDirectory, RoutingTables.DEFAULT_CHECK_INTERVAL);
    }

    public RelayDomains(Path configDirectory, Duration checkInterval) {
        this.file = new WatchedFile<>(configDirectory.resolve(FILE), checkInterval, RelayDomains::parse, Set.of());
    }

    @Override
    public Optional<String> lookup(String domain) {
        String d = TableLines.domainOrNull(domain);
        if (d == null) {
            return Optional.empty();
        }
        Set<String> entries = file.get();
        if (entries.contains(d)) {
            return Optional.of(d);
        }
        for (int dot = d.indexOf('.'); dot >= 0; dot = d.indexOf('.', dot + 1)) {
            if (entries.contains(d.substring(dot))) {
                return Optional.of(d.substring(dot));
            }
        }
        return Optional.empty();
    }

    /** Whether mail for this domain is relayed. */
    public boolean contains(String domain) {
        return lookup(domain).isPresent();
    }

    private static Set<String> parse(List<String> lines) throws TableSyntaxException {
        Set<String> set = new HashSet<>();
        for (TableLines.Line line : TableLines.logical(lines, false)) {
            String entry = TableLines.columns(line, 1, "one domain per line")[0];
            String domain = entry.startsWith(".")
                    ? "." + TableLines.domain(entry.substring(1), line.number())
                    : TableLines.domain(entry, line.number());
            if (!set.add(domain)) {
                throw new TableSyntaxException(line.number(), "duplicate relay domain " + domain);
            }
        }
        return Set.copyOf(set);
    }
}
