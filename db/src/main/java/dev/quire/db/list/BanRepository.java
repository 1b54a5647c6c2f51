package dev.quire.db.list;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Banned addresses: a list's own bans and the site-wide ones (no list). */
@ApplicationScoped
public class BanRepository {
    @PersistenceContext
    EntityManager em;

    /** The bans that apply to posts to a list: its own and the site's, oldest first. */
    public List<Ban> applicable(MailingList list) {
        return em.createQuery("select b from Ban b where b.list = :list or b.list is null order by b.id", Ban.class)
                .setParameter("list", list)
                .getResultList();
    }

    public void add(Ban ban) {
        em.persist(ban);
    }

    public void remove(Ban ban) {
        em.remove(em.contains(ban) ? ban : em.merge(ban));
    }
}
