package dev.quire.mta.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.domain.DomainKind;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.routing.table.AliasResolver;
import dev.quire.mta.routing.table.AliasTarget;
import dev.quire.mta.routing.table.Expansion;
import dev.quire.mta.routing.table.LegacyListCandidate;
import dev.quire.mta.routing.table.LookupTable;
import dev.quire.mta.routing.table.RoutingTables;
import dev.quire.mta.routing.table.TableSyntaxException;

/**
 * Decides what a recipient is. Aliases (files under the config directory, then the database) are expanded
 * first; each final address is then a list address, a local mailbox or a remote address, or nobody. RCPT
 * validation, the queue's cleanup and {@code verify} all ask this one class, so they cannot disagree.
 */
@ApplicationScoped
public class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private static final String POSTMASTER = "postmaster";
    /** The plus-address delimiter: {@code user+tag} reaches user's mailbox (Postfix's recipient_delimiter). */
    private static final char DELIMITER = '+';

    @Inject
    CachedRoutingData db;

    @Inject
    RoutingTables tables;

    @Inject
    MtaSettings settings;

    private AliasResolver resolver;

    @PostConstruct
    void init() {
        LookupTable<List<AliasTarget>> aliases = key -> {
            Optional<List<AliasTarget>> fromFile = tables.aliases().lookup(key);
            return fromFile.isPresent() ? fromFile : databaseAlias(key);
        };
        resolver = new AliasResolver(aliases, tables.aliasDomains());
    }

    private Optional<List<AliasTarget>> databaseAlias(String key) {
        int at = key.lastIndexOf('@');
        String domain = key.substring(at + 1).toLowerCase(Locale.ROOT);
        if (db.domainKind(domain).isEmpty()) {
            // an alias row belongs to one of the database's domains (alias.domain_id): a remote address, such as
            // each member of a list fanning out, needs no query of its own, only its domain's cached answer
            return Optional.empty();
        }
        Optional<String> targets = db.aliasTargets(domain, key.substring(0, at));
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(tables.aliases().parseTargets(targets.get(), domain));
        } catch (TableSyntaxException e) {
            LOG.log(Level.WARNING, "alias " + key + " in the database does not parse: " + e.getMessage());
            return Optional.of(List.of(new AliasTarget.Defer("Alias temporarily unavailable, try again later")));
        }
    }

    /** Every final route of a recipient, aliases expanded, in order. */
    public List<Route> routes(EmailAddress recipient) throws RoutingUnavailableException {
        try {
            if (isPostmaster(recipient)) {
                return List.of(new Route.Deliver(recipient, postmaster(), AddressClass.LOCAL));
            }
            Expansion expansion = resolver.expand(recipient);
            List<Route> routes = new ArrayList<>();
            for (AliasTarget t : expansion.targets()) {
                routes.add(route(recipient, t));
            }
            return routes;
        } catch (RuntimeException e) {
            throw new RoutingUnavailableException("routing tables unavailable: " + e.getMessage(), e);
        }
    }

    private Route route(EmailAddress original, AliasTarget target) {
        if (target instanceof AliasTarget.Address a) {
            Optional<Resolved> r = resolve(a.address());
            return r.<Route>map(x -> new Route.Deliver(original, x.address(), x.addressClass()))
                    .orElseGet(() -> Route.Refuse.unknownUser(original));
        }
        if (target instanceof AliasTarget.Fail f) {
            return new Route.Refuse(original, new Reply(550, "5.1.1", "<" + original + ">: " + f.text()));
        }
        if (target instanceof AliasTarget.Defer d) {
            return new Route.Defer(original, new Reply(451, "4.3.0", "<" + original + ">: " + d.text()));
        }
        if (target instanceof AliasTarget.Pipe p) {
            return new Route.Pipe(original, p.command());
        }
        if (target instanceof AliasTarget.FileAppend f) {
            return new Route.FileAppend(original, f.path().toString());
        }
        return new Route.Discard(original);
    }

    /**
     * The class of a final address (no alias expansion): the queue asks this at delivery time.
     *
     * @return the class, or null when nobody has that address
     */
    public AddressClass classify(EmailAddress address) throws RoutingUnavailableException {
        try {
            if (isPostmaster(address)) {
                return AddressClass.LOCAL;
            }
            return resolve(address).map(Resolved::addressClass).orElse(null);
        } catch (RuntimeException e) {
            throw new RoutingUnavailableException("routing tables unavailable: " + e.getMessage(), e);
        }
    }

    /** A final address and its class; the address changes only for legacy list addresses. */
    private record Resolved(EmailAddress address, AddressClass addressClass) {
    }

    private Optional<Resolved> resolve(EmailAddress address) {
        Optional<LegacyListCandidate> legacy = tables.legacyLists().rewrite(address);
        if (legacy.isPresent() && db.isListAddress(legacy.get().address())) {
            return Optional.of(new Resolved(legacy.get().address(), AddressClass.LIST));
        }
        Optional<DomainKind> domain = db.domainKind(address.domain());
        if (domain.isPresent()) {
            if (domain.get() == DomainKind.LIST) {
                return db.isListAddress(address)
                        ? Optional.of(new Resolved(address, AddressClass.LIST))
                        : Optional.empty();
            }
            if (db.mailboxExists(address)) {
                return Optional.of(new Resolved(address, AddressClass.LOCAL));
            }
            int plus = address.localPart().indexOf(DELIMITER);
            if (plus > 0) {
                EmailAddress base = EmailAddress.of(address.localPart().substring(0, plus), address.domain());
                if (db.mailboxExists(base)) {
                    return Optional.of(new Resolved(base, AddressClass.LOCAL));
                }
            }
            return Optional.empty();
        }
        if (servedByTablesOnly(address.domain())) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(address, AddressClass.REMOTE));
    }

    /**
     * True when mail for the domain is ours to accept from anyone: a domain in the database, or one that an
     * alias file, the alias-domains table or the legacy-lists table names. Relay domains are not served:
     * they are forwarded, and the relay checks decide them.
     */
    public boolean servesDomain(String domain) throws RoutingUnavailableException {
        try {
            return db.domainKind(domain).isPresent() || servedByTablesOnly(domain)
                    || domain.equalsIgnoreCase(settings.hostname());
        } catch (RuntimeException e) {
            throw new RoutingUnavailableException("routing tables unavailable: " + e.getMessage(), e);
        }
    }

    private boolean servedByTablesOnly(String domain) {
        return tables.aliases().hasFile(domain) || tables.aliasDomains().lookup(domain).isPresent()
                || tables.legacyLists().lookup(domain).isPresent();
    }

    /** True when the domain is one we relay for (file or database table). */
    public boolean isRelayDomain(String domain) throws RoutingUnavailableException {
        try {
            return tables.relayDomains().contains(domain) || db.isRelayDomain(domain);
        } catch (RuntimeException e) {
            throw new RoutingUnavailableException("routing tables unavailable: " + e.getMessage(), e);
        }
    }

    /** The mailbox postmaster mail goes to: postmaster at this host's name. */
    public EmailAddress postmaster() {
        return EmailAddress.of(POSTMASTER, settings.hostname().toLowerCase(Locale.ROOT));
    }

    private boolean isPostmaster(EmailAddress recipient) {
        if (!recipient.localPart().equalsIgnoreCase(POSTMASTER)) {
            return false;
        }
        return recipient.domain().equalsIgnoreCase(settings.hostname()) || db.domainKind(recipient.domain()).isPresent()
                || servedByTablesOnly(recipient.domain());
    }
}
