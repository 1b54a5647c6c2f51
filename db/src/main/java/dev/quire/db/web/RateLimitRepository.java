package dev.quire.db.web;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Fixed-window counters of {@code web_rate_limit}, shared by every node: one row per bucket (a hash of what
 * is counted), its window's start and the hits in it. Callers hold the transaction.
 */
@ApplicationScoped
public class RateLimitRepository {
    @PersistenceContext
    EntityManager em;

    protected RateLimitRepository() {
    }

    /** For code that manages its own persistence context (tests, tools). */
    public RateLimitRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Counts one hit in the bucket's window and returns the hits in it, this one included; a window that
     * began before {@code windowStart} starts again at {@code now} with this hit.
     */
    public int hit(byte[] bucket, Instant now, Instant windowStart) {
        // hits is assigned before window_start, so both conditions read the row's old window_start
        em.createNativeQuery("INSERT INTO web_rate_limit (bucket, window_start, hits) VALUES (?1, ?2, 1)"
                + " ON DUPLICATE KEY UPDATE hits = IF(window_start < ?3, 1, hits + 1),"
                + " window_start = IF(window_start < ?3, ?2, window_start)")
                .setParameter(1, bucket)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(windowStart))
                .executeUpdate();
        Number hits = (Number) em.createNativeQuery("SELECT hits FROM web_rate_limit WHERE bucket = ?1")
                .setParameter(1, bucket)
                .getSingleResult();
        return hits.intValue();
    }

    /** When the bucket's current window began, if it has one. */
    public Instant windowStart(byte[] bucket) {
        Object start = em.createNativeQuery("SELECT window_start FROM web_rate_limit WHERE bucket = ?1")
                .setParameter(1, bucket)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (start instanceof Timestamp t) {
            return t.toInstant();
        }
        return start instanceof java.time.LocalDateTime l ? Timestamp.valueOf(l).toInstant() : null;
    }

    /** Forgets up to {@code limit} windows that began before {@code before}. */
    public int forget(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM web_rate_limit WHERE window_start < ?1 LIMIT " + limit)
                .setParameter(1, Timestamp.from(before))
                .executeUpdate();
    }
}
