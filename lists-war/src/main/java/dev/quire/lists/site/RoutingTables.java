package dev.quire.lists.site;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.domain.Domain;
import dev.quire.db.list.ListAdminRepository;
import dev.quire.db.routing.Alias;
import dev.quire.db.routing.RelayNetwork;
import dev.quire.db.site.SiteAdminRepository;
import dev.quire.db.site.SiteAdminRepository.AliasRow;
import dev.quire.db.site.SiteAdminRepository.NetworkRow;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.mail.EmailAddress;

/**
 * The routing tables held in the database: aliases (targets in aliases(5) syntax) and relay networks (CIDR).
 * The MTA reads them through its routing cache, so a change takes effect within {@code quire.routing.cache.ttl}.
 * From the web, alias targets are addresses, local names, {@code :fail: text} or {@code :defer: text}; pipes,
 * files and includes run with Quire's rights on the host, so they stay in the alias files (ADR 0050).
 */
@ApplicationScoped
public class RoutingTables {
    private static final int MAX_TARGETS = 2000;
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9!#$%&'*+=?^_`{}~.-]+(@[A-Za-z0-9.-]+)?");

    @Inject
    ListRights rights;

    @Inject
    SiteAdminRepository repository;

    @Inject
    ListAdminRepository lists;

    @Transactional
    public List<AliasRow> aliases(Account caller) {
        rights.requireSiteAdmin(caller);
        return repository.aliases();
    }

    @Transactional
    public AliasRow addAlias(Account caller, String address, String targets) {
        rights.requireSiteAdmin(caller);
        EmailAddress a = Names.address("address", address);
        String local = Names.localPart("address", a.localPart());
        String t = targets("targets", targets);
        Domain domain = repository.findDomain(a.domain())
                .orElseThrow(() -> SiteRefusal.invalid("address", "there is no domain " + a.domain()
                        + ": aliases belong to a served domain"));
        EmailAddress normal = EmailAddress.of(local, domain.name());
        if (repository.alias(normal).isPresent()) {
            throw SiteRefusal.conflict("The alias " + normal + " exists already; edit it instead.");
        }
        if (lists.find(normal).isPresent()) {
            throw SiteRefusal.conflict(normal + " is a list's address.");
        }
        repository.addAlias(new Alias(domain, local, t));
        return repository.alias(normal).orElseThrow();
    }

    @Transactional
    public AliasRow changeAlias(Account caller, String address, String targets) {
        rights.requireSiteAdmin(caller);
        AliasRow row = existingAlias(address);
        String t = targets("targets", targets);
        repository.changeAlias(row.id(), t);
        return new AliasRow(row.id(), row.domain(), row.localPart(), t);
    }

    @Transactional
    public AliasRow deleteAlias(Account caller, String address) {
        rights.requireSiteAdmin(caller);
        AliasRow row = existingAlias(address);
        repository.removeAlias(row.id());
        return row;
    }

    private AliasRow existingAlias(String address) {
        try {
            return repository.alias(EmailAddress.parse(address == null ? "" : address.strip()))
                    .orElseThrow(() -> SiteRefusal.notFound("There is no alias " + address + " in the database."));
        } catch (IllegalArgumentException e) {
            throw SiteRefusal.notFound("There is no alias " + address + " in the database.");
        }
    }

    /** Alias targets as stored: comma separated, each an address, a local name, or one :fail:/:defer:. */
    static String targets(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 10_000 || t.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw SiteRefusal.invalid(field, "give one or more targets, separated by commas, on one line");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith(":fail:") || lower.startsWith(":defer:")) {
            return t;
        }
        String[] parts = t.split(",");
        if (parts.length > MAX_TARGETS) {
            throw SiteRefusal.invalid(field, "at most " + MAX_TARGETS + " targets");
        }
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            String target = p.strip();
            if (target.startsWith("|") || target.startsWith("/") || target.startsWith(":include:")
                    || target.startsWith("\"|")) {
                throw SiteRefusal.invalid(field, "pipes, files and :include: are not allowed from the web"
                        + " (they run with Quire's rights); put them in an alias file: " + target);
            }
            if (!TARGET.matcher(target).matches()) {
                throw SiteRefusal.invalid(field, "not an address or local name: " + target);
            }
            out.append(out.length() == 0 ? "" : ", ").append(target);
        }
        return out.toString();
    }

    // ---- relay networks

    @Transactional
    public List<NetworkRow> networks(Account caller) {
        rights.requireSiteAdmin(caller);
        return repository.networks();
    }

    @Transactional
    public NetworkRow addNetwork(Account caller, String network) {
        rights.requireSiteAdmin(caller);
        String n = cidr("network", network);
        if (repository.networks().stream().anyMatch(r -> r.network().equals(n))) {
            throw SiteRefusal.conflict("The network " + n + " is listed already.");
        }
        repository.addNetwork(new RelayNetwork(n));
        return repository.networks().stream().filter(r -> r.network().equals(n)).findFirst().orElseThrow();
    }

    @Transactional
    public NetworkRow changeNetwork(Account caller, long id, String network) {
        rights.requireSiteAdmin(caller);
        existingNetwork(id);
        String n = cidr("network", network);
        if (repository.networks().stream().anyMatch(r -> r.network().equals(n) && r.id() != id)) {
            throw SiteRefusal.conflict("The network " + n + " is listed already.");
        }
        repository.changeNetwork(id, n);
        return new NetworkRow(id, n);
    }

    @Transactional
    public NetworkRow deleteNetwork(Account caller, long id) {
        rights.requireSiteAdmin(caller);
        NetworkRow row = existingNetwork(id);
        repository.removeNetwork(id);
        return row;
    }

    private NetworkRow existingNetwork(long id) {
        return repository.networks().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> SiteRefusal.notFound("There is no relay network " + id + "."));
    }

    /**
     * A network in the form the MTA's network list reads ({@code 192.0.2.0/24}, {@code 2001:db8::/32}, or one
     * address): an IP literal (never a host name, so no DNS lookup) and a prefix the address family allows.
     */
    static String cidr(String field, String text) {
        String c = text == null ? "" : text.strip();
        String message = "must be an IP address or network such as 192.0.2.0/24 or 2001:db8::/32";
        int slash = c.indexOf('/');
        String literal = slash < 0 ? c : c.substring(0, slash);
        if (literal.isEmpty() || c.length() > 64 || !literal.matches("[0-9a-fA-F:.]+")
                || !(literal.contains(":") || literal.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            throw SiteRefusal.invalid(field, message);
        }
        if (!literal.contains(":")) {
            for (String octet : literal.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw SiteRefusal.invalid(field, message);
                }
            }
        }
        byte[] address;
        try {
            address = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw SiteRefusal.invalid(field, message);
        }
        if (slash < 0) {
            return c.toLowerCase(Locale.ROOT);
        }
        String p = c.substring(slash + 1);
        if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > address.length * 8) {
            throw SiteRefusal.invalid(field, "the prefix length must be 0 to " + address.length * 8);
        }
        return literal.toLowerCase(Locale.ROOT) + "/" + Integer.parseInt(p);
    }
}
