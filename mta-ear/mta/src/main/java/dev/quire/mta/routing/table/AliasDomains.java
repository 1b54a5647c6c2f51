package dev.quire.mta.routing.table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * {@code <config>/alias-domains}: lines {@code alias.example  target.example}; every address in the alias domain
 * maps to the same local part in the target domain (James' domain alias). The key is a domain, the value the
 * target domain.
 */
public final class AliasDomains implements LookupTable<String> {
    /** The file name under the configuration directory. */
    public static final String FILE = "alias-domains";

    private final WatchedFile<Map<String, String>> file;

    public AliasDomains(Path configDirectory) {
        this(configDirectory, RoutingTables.DEFAULT_CHECK_INTERVAL);
    }

    public AliasDomains(Path configDirectory, Duration checkInterval) {
        this.file = new WatchedFile<>(configDirectory.resolve(FILE), checkInterval, AliasDomains::parse, Map.of());
    }

    @Override
    public Optional<String> lookup(String domain) {
        String d = TableLines.domainOrNull(domain);
        return d == null ? Optional.empty() : Optional.ofNullable(file.get().get(d));
    }

    /** The address in the target domain, or empty when the address's domain is not an alias domain. */
    public Optional<EmailAddress> rewrite(EmailAddress address) {
        return lookup(address.domain()).flatMap(target -> {
            try {
                return Optional.of(EmailAddress.of(address.localPart(), target));
            } catch (InvalidAddressException e) {
                return Optional.empty();
            }
        });
    }

    private static Map<String, String> parse(List<String> lines) throws TableSyntaxException {
        Map<String, String> map = new HashMap<>();
        for (TableLines.Line line : TableLines.logical(lines, true)) {
            String[] c = TableLines.columns(line, 2, "'alias.domain  target.domain'");
            String alias = TableLines.domain(c[0], line.number());
            String target = TableLines.domain(c[1], line.number());
            if (alias.equals(target)) {
                throw new TableSyntaxException(line.number(), "domain " + alias + " is an alias of itself");
            }
            if (map.putIfAbsent(alias, target) != null) {
                throw new TableSyntaxException(line.number(), "duplicate alias domain " + alias);
            }
        }
        return Map.copyOf(map);
    }

    /** Every alias domain and its target, for enumerating every served address. */
    public Map<String, String> entries() {
        return file.get();
    }
}
