package dev.quire.db.list;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Posts waiting for a list's next digest, and the members who read the list as digests. */
@ApplicationScoped
public class DigestEntryRepository {
    @PersistenceContext
    EntityManager em;

    protected DigestEntryRepository() {
    }

    /** For code that manages its own persistence context (tests, tools). */
    public DigestEntryRepository(EntityManager em) {
        this.em = em;
    }

    public void add(DigestEntry entry) {
        em.persist(entry);
    }

    /** The octets waiting for the list's next digest. */
    public long pendingSize(MailingList list) {
        Long size = em.createQuery("select sum(e.size) from DigestEntry e where e.list = :list", Long.class)
                .setParameter("list", list)
                .getSingleResult();
        return size == null ? 0 : size;
    }

    /** The posts of the next digest, in the order they were accepted. */
    public List<DigestEntry> pending(MailingList list) {
        return em.createQuery("select e from DigestEntry e where e.list = :list order by e.id", DigestEntry.class)
                .setParameter("list", list)
                .getResultList();
    }

    /** Removes sent entries. */
    public void remove(List<DigestEntry> entries) {
        for (DigestEntry e : entries) {
            em.remove(em.contains(e) ? e : em.merge(e));
        }
    }

    /**
     * Locks the list's row for the rest of the transaction, so two senders (a post crossing the size
     * threshold, the periodic job on another node) cannot number or send the same digest twice.
     */
    public MailingList lock(MailingList list) {
        return em.find(MailingList.class, list.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Members with delivery enabled who read the list in one digest mode, in subscription order. */
    public List<Member> readers(MailingList list, DeliveryMode mode) {
        return em.createQuery("select m from Member m where m.list = :list and m.role = :role"
                + " and m.deliveryEnabled = true and m.deliveryMode = :mode order by m.id", Member.class)
                .setParameter("list", list)
                .setParameter("role", MemberRole.MEMBER)
                .setParameter("mode", mode)
                .getResultList();
    }

    /** True when any member of the list reads it as digests. */
    public boolean hasReaders(MailingList list) {
        return !em.createQuery("select m.id from Member m where m.list = :list and m.role = :role"
                + " and m.deliveryMode <> :regular", Long.class)
                .setParameter("list", list)
                .setParameter("role", MemberRole.MEMBER)
                .setParameter("regular", DeliveryMode.REGULAR)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Lists with posts waiting for a digest. */
    public List<MailingList> listsWithPending() {
        return em.createQuery("select distinct e.list from DigestEntry e", MailingList.class).getResultList();
    }
}
