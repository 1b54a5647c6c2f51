package dev.quire.mta.routing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.domain.DomainKind;
import dev.quire.db.domain.DomainRepository;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.routing.RoutingTableRepository;
import dev.quire.mail.EmailAddress;
import dev.quire.mta.config.MtaSettings;

/**
 * The routing data the MTA reads from the shared database (domains, mailboxes, list addresses, aliases, relay
 * domains and networks), each answer kept for {@code quire.routing.cache.ttl}, as DESIGN asks: a message asks the
 * same questions at RCPT, at the queue's cleanup and again at delivery, and a post to a list asks them for every
 * member. A database that does not answer throws (the caller defers with 451); only answers are cached.
 */
@ApplicationScoped
public class CachedRoutingData {
    private static final int MAX_ENTRIES = 100_000;

    @Inject
    DomainRepository domains;

    @Inject
    MailingListRepository lists;

    @Inject
    RoutingTableRepository dbTables;

    @Inject
    MtaSettings settings;

    private TtlCache<String, Optional<DomainKind>> domainKinds;
    private TtlCache<String, Boolean> mailboxes;
    private TtlCache<String, Boolean> listAddresses;
    private TtlCache<String, Optional<String>> aliases;
    private TtlCache<String, Boolean> relayDomains;
    private TtlCache<String, List<String>> relayNetworks;

    @PostConstruct
    void init() {
        Duration ttl = settings.routingCacheTtl();
        domainKinds = new TtlCache<>(ttl, MAX_ENTRIES);
        mailboxes = new TtlCache<>(ttl, MAX_ENTRIES);
        listAddresses = new TtlCache<>(ttl, MAX_ENTRIES);
        aliases = new TtlCache<>(ttl, MAX_ENTRIES);
        relayDomains = new TtlCache<>(ttl, MAX_ENTRIES);
        relayNetworks = new TtlCache<>(ttl, 1);
    }

    /** The kind of a domain in the database, empty when it is not one. */
    public Optional<DomainKind> domainKind(String domain) {
        return domainKinds.get(domain.toLowerCase(Locale.ROOT), d -> domains.find(d).map(x -> x.kind()));
    }

    public boolean mailboxExists(EmailAddress address) {
        return mailboxes.get(address.toString(), a -> domains.mailboxExists(address));
    }

    /** True when the address is a list's posting address or one of its suffix addresses. */
    public boolean isListAddress(EmailAddress address) {
        return listAddresses.get(address.toString(), a -> lists.resolve(address).isPresent());
    }

    /** The targets of an alias held in the database, as text. */
    public Optional<String> aliasTargets(String domain, String localPart) {
        return aliases.get(localPart + "@" + domain, k -> dbTables.aliasTargets(domain, localPart));
    }

    public boolean isRelayDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return relayDomains.get(d, dbTables::isRelayDomain);
    }

    /** The relay networks held in the database (CIDR text). */
    public List<String> relayNetworks() {
        return relayNetworks.get("", k -> List.copyOf(dbTables.relayNetworks()));
    }
}
