package dev.quire.mta.routing.table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * {@code <config>/legacy-lists}: lines {@code old-domain  list-domain}. An address
 * {@code name[-suffix][+detail]@old-domain} is rewritten to the same local part at the list domain when
 * {@code name} is a list there; list existence lives in the database, so {@link #rewrite} only returns the
 * candidate and the router checks the list. The key of {@link #lookup} is the old domain, the value the list
 * domain.
 */
public final class LegacyLists implements LookupTable<String> {
    /** The file name under the configuration directory. */
    public static final String FILE = "legacy-lists";
    /** The list suffixes GNU Mailman 2 and 3 answer to. */
    public static final Set<String> MAILMAN_SUFFIXES = Set.of("bounces", "confirm", "join", "leave", "owner", "request",
            "admin", "subscribe", "unsubscribe");

    private final WatchedFile<Map<String, String>> file;
    private final Set<String> suffixes;
    private final String delimiter;

    /** Mailman's suffixes, {@code +} as the detail delimiter, checked at most once a second. */
    public LegacyLists(Path configDirectory) {
        this(configDirectory, RoutingTables.DEFAULT_CHECK_INTERVAL, MAILMAN_SUFFIXES, "+");
    }

    /**
     * @param suffixes the list suffixes without their leading {@code -}
     * @param delimiter the characters that start a {@code +detail}; empty for none
     */
    public LegacyLists(Path configDirectory, Duration checkInterval, Set<String> suffixes, String delimiter) {
        this.file = new WatchedFile<>(configDirectory.resolve(FILE), checkInterval, LegacyLists::parse, Map.of());
        this.suffixes = Set.copyOf(suffixes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        this.delimiter = Objects.requireNonNull(delimiter, "delimiter");
    }

    @Override
    public Optional<String> lookup(String domain) {
        String d = TableLines.domainOrNull(domain);
        return d == null ? Optional.empty() : Optional.ofNullable(file.get().get(d));
    }

    /** The rewrite of an address in an old domain, or empty when its domain is not one (or it is quoted). */
    public Optional<LegacyListCandidate> rewrite(EmailAddress address) {
        String local = address.localPart();
        if (local.startsWith("\"")) {
            return Optional.empty();
        }
        return lookup(address.domain()).flatMap(listDomain -> {
            String base = local;
            for (int i = 0; i < local.length(); i++) {
                if (delimiter.indexOf(local.charAt(i)) >= 0) {
                    base = local.substring(0, i);
                    break;
                }
            }
            String name = base;
            int dash = base.lastIndexOf('-');
            if (dash > 0 && suffixes.contains(base.substring(dash + 1).toLowerCase(Locale.ROOT))) {
                name = base.substring(0, dash);
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new LegacyListCandidate(EmailAddress.of(name.toLowerCase(Locale.ROOT), listDomain),
                        EmailAddress.of(local, listDomain)));
            } catch (InvalidAddressException e) {
                return Optional.empty();
            }
        });
    }

    private static Map<String, String> parse(List<String> lines) throws TableSyntaxException {
        Map<String, String> map = new HashMap<>();
        for (TableLines.Line line : TableLines.logical(lines, true)) {
            String[] c = TableLines.columns(line, 2, "'old-domain  list-domain'");
            String old = TableLines.domain(c[0], line.number());
            String lists = TableLines.domain(c[1], line.number());
            if (old.equals(lists)) {
                throw new TableSyntaxException(line.number(), "domain " + old + " is rewritten to itself");
            }
            if (map.putIfAbsent(old, lists) != null) {
                throw new TableSyntaxException(line.number(), "duplicate legacy domain " + old);
            }
        }
        return Map.copyOf(map);
    }

    /** Every old domain and its list domain, for enumerating every served address. */
    public Map<String, String> entries() {
        return file.get();
    }

    /** The list suffixes this table rewrites, without their leading {@code -}. */
    public Set<String> suffixes() {
        return suffixes;
    }
}
