package dev.quire.db.list;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** The moderation queue: held posts by id, by list, and by age. */
@ApplicationScoped
public class HeldMessageRepository {
    @PersistenceContext
    EntityManager em;

    public void add(HeldMessage held) {
        em.persist(held);
        em.flush();
        em.refresh(held);
    }

    /** A held post of a list, locked so two moderators cannot both act on it. */
    public Optional<HeldMessage> lock(MailingList list, long id) {
        HeldMessage held = em.find(HeldMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        return held == null || !held.list().id().equals(list.id()) ? Optional.empty() : Optional.of(held);
    }

    /** A held post of a list, to read. */
    public Optional<HeldMessage> find(MailingList list, long id) {
        HeldMessage held = em.find(HeldMessage.class, id);
        return held == null || !held.list().id().equals(list.id()) ? Optional.empty() : Optional.of(held);
    }

    /** A list's held posts, oldest first. */
    public List<HeldMessage> of(MailingList list) {
        return em.createQuery("select h from HeldMessage h where h.list = :list order by h.id", HeldMessage.class)
                .setParameter("list", list)
                .getResultList();
    }

    /** Held posts of every list waiting since before {@code cutoff}, by list, oldest first. */
    public List<HeldMessage> heldBefore(Instant cutoff) {
        return em.createQuery("select h from HeldMessage h where h.heldAt < :cutoff order by h.list.id, h.id",
                HeldMessage.class)
                .setParameter("cutoff", cutoff)
                .getResultList();
    }

    public void remove(HeldMessage held) {
        em.remove(em.contains(held) ? held : em.merge(held));
    }
}
