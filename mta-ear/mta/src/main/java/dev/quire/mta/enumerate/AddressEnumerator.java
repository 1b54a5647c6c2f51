package dev.quire.mta.enumerate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.routing.Route;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;
import dev.quire.mta.routing.table.RoutingTables;

/**
 * Every address this MTA accepts mail for, sorted. Candidates come from the router's own tables; each is kept only
 * when RCPT would accept it: the router finds somewhere to deliver it, or an alias defers it ({@code :defer:},
 * a valid address whose mail waits). Any table that cannot be read fails the whole enumeration, so a partial list
 * never replaces a good file.
 */
@ApplicationScoped
public class AddressEnumerator {
    private static final String POSTMASTER = "postmaster";

    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @Inject
    RoutingTables tables;

    @Inject
    Router router;

    @Inject
    MtaSettings settings;

    /**
     * The accepted addresses, lower-cased and sorted; of one domain when {@code domain} is not null.
     *
     * @throws EnumerationException when a table cannot be read
     */
    public TreeSet<String> enumerate(String domain) throws EnumerationException {
        TreeSet<String> accepted = new TreeSet<>();
        for (String candidate : candidates()) {
            if (domain != null && !candidate.endsWith("@" + domain.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (accepts(candidate)) {
                accepted.add(candidate);
            }
        }
        return accepted;
    }

    private boolean accepts(String candidate) throws EnumerationException {
        EmailAddress address;
        try {
            address = EmailAddress.parse(candidate);
        } catch (InvalidAddressException e) {
            return false;
        }
        try {
            if (!router.servesDomain(address.domain())) {
                return false;
            }
            List<Route> routes = router.routes(address);
            return routes.stream().anyMatch(r -> r instanceof Route.Defer || !(r instanceof Route.Refuse));
        } catch (RoutingUnavailableException e) {
            throw new EnumerationException("routing tables unavailable at " + candidate + ": " + e.getMessage(), e);
        }
    }

    /** Every address the tables name, lower-cased (a superset: the router decides). */
    Set<String> candidates() throws EnumerationException {
        Map<String, DatabaseNames.DomainNames> db;
        try {
            db = DatabaseNames.read(dataSource);
        } catch (SQLException e) {
            throw new EnumerationException("database unavailable: " + e.getMessage(), e);
        }
        Map<String, Set<String>> byDomain = new java.util.HashMap<>();
        for (DatabaseNames.DomainNames d : db.values()) {
            Set<String> locals = byDomain.computeIfAbsent(d.name(), k -> new HashSet<>());
            locals.addAll(d.mailboxes());
            locals.addAll(d.aliases());
            for (String list : d.lists()) {
                for (ListAddress.Function f : ListAddress.Function.values()) {
                    locals.add(f.localPart(list));
                }
            }
        }
        for (String domain : tables.aliases().domains()) {
            byDomain.computeIfAbsent(domain, k -> new HashSet<>()).addAll(tables.aliases().names(domain));
        }
        for (Map.Entry<String, String> legacy : tables.legacyLists().entries().entrySet()) {
            Set<String> locals = byDomain.computeIfAbsent(legacy.getKey(), k -> new HashSet<>());
            DatabaseNames.DomainNames lists = db.get(legacy.getValue());
            for (String list : lists == null ? List.<String>of() : lists.lists()) {
                locals.add(list);
                for (String suffix : tables.legacyLists().suffixes()) {
                    locals.add(list + "-" + suffix);
                }
            }
        }
        for (Map.Entry<String, String> alias : tables.aliasDomains().entries().entrySet()) {
            Set<String> target = byDomain.getOrDefault(alias.getValue(), Set.of());
            byDomain.computeIfAbsent(alias.getKey(), k -> new HashSet<>()).addAll(new ArrayList<>(target));
        }
        byDomain.computeIfAbsent(settings.hostname().toLowerCase(Locale.ROOT), k -> new HashSet<>());
        Set<String> out = new HashSet<>();
        byDomain.forEach((domain, locals) -> {
            out.add(POSTMASTER + "@" + domain);
            for (String local : locals) {
                out.add(local.toLowerCase(Locale.ROOT) + "@" + domain);
            }
        });
        return out;
    }
}
