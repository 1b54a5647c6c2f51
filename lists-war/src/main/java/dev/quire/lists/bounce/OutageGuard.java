package dev.quire.lists.bounce;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.BounceRepository;
import dev.quire.db.list.MailingList;
import dev.quire.lists.config.ListsSettings;

/**
 * Tells a remote outage from bad addresses, so that one bad day does not disable half a list: when, within
 * the last 24 hours, at least {@code min-members} members of one domain bounced and they are at least
 * {@code domain-share} of that domain's members, or at least {@code min-members} and {@code list-share} of
 * all members bounced, further bounces are held back instead of scored.
 */
@ApplicationScoped
public class OutageGuard {
    static final Duration WINDOW = Duration.ofDays(1);

    @Inject
    ListsSettings settings;

    @Inject
    BounceRepository bounces;

    private int minMembers = 5;
    private double listShare = 0.10;
    private double domainShare = 0.5;

    protected OutageGuard() {
    }

    /** A guard with explicit limits (tests, tools). */
    public OutageGuard(BounceRepository bounces, int minMembers, double listShare, double domainShare) {
        this.bounces = bounces;
        this.minMembers = minMembers;
        this.listShare = listShare;
        this.domainShare = domainShare;
    }

    @PostConstruct
    void configure() {
        minMembers = settings.bounceGuardMinMembers();
        listShare = settings.bounceGuardListShare();
        domainShare = settings.bounceGuardDomainShare();
    }

    /**
     * Why a bounce for an address in {@code domain} looks like part of an outage, or empty when it should be
     * scored. The bounce itself must already be recorded, so it counts.
     */
    public Optional<String> outage(MailingList list, String domain, Instant now) {
        Instant since = now.minus(WINDOW);
        long inDomain = bounces.bouncingAddresses(list, since, domain);
        long domainMembers = bounces.memberCount(list, domain);
        if (inDomain >= minMembers && inDomain >= Math.ceil(domainShare * domainMembers)) {
            return Optional.of(inDomain + " of the " + domainMembers + " members at " + domain
                    + " bounced within a day");
        }
        long all = bounces.bouncingAddresses(list, since, null);
        long members = bounces.memberCount(list, null);
        if (all >= Math.max(minMembers, Math.ceil(listShare * members))) {
            return Optional.of(all + " of the list's " + members + " members bounced within a day");
        }
        return Optional.empty();
    }
}
