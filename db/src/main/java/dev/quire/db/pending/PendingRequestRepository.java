package dev.quire.db.pending;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.quire.db.list.MailingList;

/** Stores pending requests and finds them by token. */
@ApplicationScoped
public class PendingRequestRepository {
    @PersistenceContext
    EntityManager em;

    public void add(PendingRequest request) {
        em.persist(request);
    }

    /** The unexpired request with this token, locked for update so two confirmations cannot both act. */
    public Optional<PendingRequest> lockByToken(String token, Instant now) {
        return em.createQuery("select p from PendingRequest p where p.token = :token and p.expiresAt > :now",
                PendingRequest.class)
                .setParameter("token", token)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** A list's unexpired requests of one kind, oldest first. */
    public List<PendingRequest> open(MailingList list, String kind, Instant now) {
        return em.createQuery("select p from PendingRequest p where p.list = :list and p.kind = :kind"
                + " and p.expiresAt > :now order by p.id", PendingRequest.class)
                .setParameter("list", list)
                .setParameter("kind", kind)
                .setParameter("now", now)
                .getResultList();
    }

    /** The unexpired request of a kind for an address, if one waits (a repeated request finds it), locked. */
    public Optional<PendingRequest> lockOpen(MailingList list, String kind, String address, Instant now) {
        return em.createQuery("select p from PendingRequest p where p.list = :list and p.kind = :kind"
                + " and p.address = :address and p.expiresAt > :now order by p.id", PendingRequest.class)
                .setParameter("list", list)
                .setParameter("kind", kind)
                .setParameter("address", address)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public void remove(PendingRequest request) {
        em.remove(em.contains(request) ? request : em.merge(request));
    }

    /** Requests that expired before {@code now}, oldest first, at most {@code limit}. */
    public List<PendingRequest> expired(Instant now, int limit) {
        return em.createQuery("select p from PendingRequest p where p.expiresAt <= :now order by p.expiresAt",
                PendingRequest.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }
}
