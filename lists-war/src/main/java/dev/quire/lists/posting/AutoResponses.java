package dev.quire.lists.posting;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.db.list.MailingList;
import dev.quire.mail.EmailAddress;

/**
 * How many automatic answers of one kind a list sent one address on one day ({@code autoresponse}), like
 * Mailman's autoresponse records: {@link #count} adds one and says which answer this is.
 */
@ApplicationScoped
public class AutoResponses {
    @PersistenceContext
    EntityManager em;

    /** Counts one more answer of {@code kind} to {@code address} on {@code day}; returns its number that day. */
    public int count(MailingList list, EmailAddress address, String kind, LocalDate day) {
        String key = address.toString().toLowerCase(java.util.Locale.ROOT);
        em.createNativeQuery("INSERT INTO autoresponse (list_id, address, kind, day, sent) VALUES (?1, ?2, ?3, ?4, 1)"
                + " ON DUPLICATE KEY UPDATE sent = sent + 1")
                .setParameter(1, list.id())
                .setParameter(2, key)
                .setParameter(3, kind)
                .setParameter(4, java.sql.Date.valueOf(day))
                .executeUpdate();
        Number n = (Number) em.createNativeQuery("SELECT sent FROM autoresponse WHERE list_id = ?1 AND address = ?2"
                + " AND kind = ?3 AND day = ?4")
                .setParameter(1, list.id())
                .setParameter(2, key)
                .setParameter(3, kind)
                .setParameter(4, java.sql.Date.valueOf(day))
                .getSingleResult();
        return n.intValue();
    }

    /** Forgets the counts of days before {@code day}; returns how many rows. */
    @jakarta.transaction.Transactional
    public int forgetBefore(LocalDate day) {
        return em.createNativeQuery("DELETE FROM autoresponse WHERE day < ?1")
                .setParameter(1, java.sql.Date.valueOf(day))
                .executeUpdate();
    }
}
