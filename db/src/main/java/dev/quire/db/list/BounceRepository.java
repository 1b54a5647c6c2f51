package dev.quire.db.list;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.db.pending.PendingRequest;

/**
 * Bounce processing's view of the database: bounce events, the members they score and disable, and the
 * membership audit that records every step.
 */
@ApplicationScoped
public class BounceRepository {
    @PersistenceContext
    EntityManager em;

    protected BounceRepository() {
    }

    /** For code that manages its own persistence context (tests, tools). */
    public BounceRepository(EntityManager em) {
        this.em = em;
    }

    public void add(BounceEvent event) {
        em.persist(event);
    }

    /** Stores the pending request that a bounce warning's token resumes. */
    public void add(PendingRequest reenable) {
        em.persist(reenable);
    }

    public void audit(MembershipEvent event) {
        em.persist(event);
    }

    /** The list's MEMBER-role subscription of an address (addresses compare without regard to case). */
    public Optional<Member> member(MailingList list, String address) {
        return em.createQuery("select m from Member m where m.list = :list and m.address = :address"
                + " and m.role = :role", Member.class)
                .setParameter("list", list)
                .setParameter("address", address)
                .setParameter("role", MemberRole.MEMBER)
                .getResultStream()
                .findFirst();
    }

    /** The list's owners, who hear about disabled and removed members. */
    public List<Member> owners(MailingList list) {
        return em.createQuery("select m from Member m where m.list = :list and m.role = :role order by m.id",
                Member.class)
                .setParameter("list", list)
                .setParameter("role", MemberRole.OWNER)
                .getResultList();
    }

    /** How many MEMBER-role subscriptions the list has, and how many of them in one domain (null: all). */
    public long memberCount(MailingList list, String domain) {
        return em.createQuery("select count(m) from Member m where m.list = :list and m.role = :role"
                + " and (:domain is null or m.address like :pattern)", Long.class)
                .setParameter("list", list)
                .setParameter("role", MemberRole.MEMBER)
                .setParameter("domain", domain)
                .setParameter("pattern", domain == null ? "%" : "%@" + domain)
                .getSingleResult();
    }

    /** Distinct addresses with a bounce event at or after {@code since}, in one domain (null: any). */
    public long bouncingAddresses(MailingList list, Instant since, String domain) {
        return em.createQuery("select count(distinct e.address) from BounceEvent e where e.list = :list"
                + " and e.receivedAt >= :since and (:domain is null or e.address like :pattern)", Long.class)
                .setParameter("list", list)
                .setParameter("since", since)
                .setParameter("domain", domain)
                .setParameter("pattern", domain == null ? "%" : "%@" + domain)
                .getSingleResult();
    }

    /** True when the list's audit has an event of this kind at or after {@code since}. */
    public boolean audited(MailingList list, String event, Instant since) {
        return !em.createQuery("select e.id from MembershipEvent e where e.list = :list and e.event = :event"
                + " and e.at >= :since", Long.class)
                .setParameter("list", list)
                .setParameter("event", event)
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The audit of one address on one list, oldest first. */
    public List<MembershipEvent> history(MailingList list, String address) {
        return em.createQuery("select e from MembershipEvent e where e.list = :list and e.address = :address"
                + " order by e.id", MembershipEvent.class)
                .setParameter("list", list)
                .setParameter("address", address)
                .getResultList();
    }

    /** Lists whose bounce processing is on. */
    public List<MailingList> processingLists() {
        return em.createQuery("select l from MailingList l where l.bounces.bounceProcessing = true order by l.id",
                MailingList.class)
                .getResultList();
    }

    /** Members whose delivery bounces disabled, oldest warning first. */
    public List<Member> disabledByBounces(MailingList list) {
        return em.createQuery("select m from Member m where m.list = :list and m.role = :role"
                + " and m.disabledReason = :reason order by m.id", Member.class)
                .setParameter("list", list)
                .setParameter("role", MemberRole.MEMBER)
                .setParameter("reason", DisabledReason.BY_BOUNCES)
                .getResultList();
    }

    /** Members still receiving mail whose score is older than {@code before}: scores to reset. */
    public List<Member> staleScores(MailingList list, Instant before) {
        return em.createQuery("select m from Member m where m.list = :list and m.role = :role"
                + " and m.bounceScore > 0 and m.lastBounceAt < :before and m.deliveryEnabled = true order by m.id",
                Member.class)
                .setParameter("list", list)
                .setParameter("role", MemberRole.MEMBER)
                .setParameter("before", before)
                .getResultList();
    }

    /** Unsubscribes a member. */
    public void remove(Member member) {
        em.remove(em.contains(member) ? member : em.merge(member));
    }

    /** The list's bounce events, newest first, at most {@code limit}. */
    public List<BounceEvent> events(MailingList list, int limit) {
        return em.createQuery("select e from BounceEvent e where e.list = :list order by e.id desc", BounceEvent.class)
                .setParameter("list", list)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The bounces of one address that the outage guard held back and nothing processed yet, oldest first. */
    public List<BounceEvent> held(MailingList list, String address) {
        return em.createQuery("select e from BounceEvent e where e.list = :list and e.address = :address"
                + " and e.processed = false order by e.receivedAt, e.id", BounceEvent.class)
                .setParameter("list", list)
                .setParameter("address", address)
                .getResultList();
    }

    /** The list's held (unprocessed) bounces received before {@code before}, oldest first. */
    public List<BounceEvent> heldBefore(MailingList list, Instant before) {
        return em.createQuery("select e from BounceEvent e where e.list = :list and e.processed = false"
                + " and e.receivedAt < :before order by e.receivedAt, e.id", BounceEvent.class)
                .setParameter("list", list)
                .setParameter("before", before)
                .getResultList();
    }
}
