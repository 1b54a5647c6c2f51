package dev.quire.db.list;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The Message-IDs each list has distributed ({@code seen_message}), kept as SHA-256 hashes so a long or
 * hostile Message-ID costs 32 bytes. The loop rule asks; distribution records; upkeep forgets old ones.
 */
@ApplicationScoped
public class SeenMessageRepository {
    @PersistenceContext
    EntityManager em;

    /** True when the list already distributed a post with this Message-ID (compared as sent, trimmed). */
    public boolean seen(MailingList list, String messageId) {
        return !em.createNativeQuery("SELECT 1 FROM seen_message WHERE list_id = ?1 AND message_id_hash = ?2")
                .setParameter(1, list.id())
                .setParameter(2, hash(messageId))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Remembers that the list distributed this Message-ID; recording it twice is harmless. */
    public void record(MailingList list, String messageId) {
        em.createNativeQuery("INSERT IGNORE INTO seen_message (list_id, message_id_hash) VALUES (?1, ?2)")
                .setParameter(1, list.id())
                .setParameter(2, hash(messageId))
                .executeUpdate();
    }

    /** Forgets Message-IDs seen before {@code cutoff}; returns how many. */
    public int forgetBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM seen_message WHERE seen_at < ?1")
                .setParameter(1, java.sql.Timestamp.from(cutoff))
                .executeUpdate();
    }

    /** SHA-256 of the trimmed Message-ID in UTF-8. */
    public static byte[] hash(String messageId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(messageId.strip().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
