package dev.quire.db.user;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** The login throttle's counters. Callers own the transaction. */
@ApplicationScoped
public class LoginThrottleRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<LoginThrottleEntry> find(String subject) {
        return Optional.ofNullable(em.find(LoginThrottleEntry.class, subject));
    }

    /** The subject's entry, locked for update, created when it has none yet. */
    public LoginThrottleEntry lockOrCreate(String subject, Instant now) {
        LoginThrottleEntry entry = em.find(LoginThrottleEntry.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new LoginThrottleEntry(subject, now);
            em.persist(entry);
        }
        return entry;
    }

    /** Forgets a subject's failures (after a successful login). */
    public void clear(String subject) {
        em.createQuery("delete from LoginThrottleEntry e where e.subject = :s").setParameter("s", subject)
                .executeUpdate();
    }

    /** Drops entries whose last failure is older than the given time; returns how many. */
    public int purgeBefore(Instant before) {
        return em.createQuery("delete from LoginThrottleEntry e where e.lastFailureAt < :b and"
                + " (e.lockedUntil is null or e.lockedUntil < :b)").setParameter("b", before).executeUpdate();
    }
}
