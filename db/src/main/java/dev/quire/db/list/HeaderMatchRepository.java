package dev.quire.db.list;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A list's header matches, in the order they apply. */
@ApplicationScoped
public class HeaderMatchRepository {
    @PersistenceContext
    EntityManager em;

    /** The list's rows by position (then by id, for rows that share a position). */
    public List<HeaderMatch> of(MailingList list) {
        return em.createQuery("select h from HeaderMatch h where h.list = :list order by h.position, h.id",
                HeaderMatch.class)
                .setParameter("list", list)
                .getResultList();
    }

    public void add(HeaderMatch match) {
        em.persist(match);
    }
}
