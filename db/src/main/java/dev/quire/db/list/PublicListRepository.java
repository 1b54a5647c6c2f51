package dev.quire.db.list;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Lists as the public pages find them: the advertised ones, and any list by its List-Id. */
@ApplicationScoped
public class PublicListRepository {
    @PersistenceContext
    EntityManager em;

    protected PublicListRepository() {
    }

    /** For code that manages its own persistence context (tests, tools). */
    public PublicListRepository(EntityManager em) {
        this.em = em;
    }

    /** The advertised lists, by domain and name. */
    public List<MailingList> advertised() {
        return em.createQuery("select l from MailingList l where l.advertised = true"
                + " order by l.domain.name, l.name", MailingList.class)
                .getResultList();
    }

    /**
     * The list with this RFC 2919 List-Id ({@code name.domain}); a name may itself hold dots, so every split
     * is tried, the shortest name first.
     */
    public Optional<MailingList> byListId(String listId) {
        if (listId == null || listId.length() > 320) {
            return Optional.empty();
        }
        for (int dot = listId.indexOf('.'); dot > 0; dot = listId.indexOf('.', dot + 1)) {
            List<MailingList> found = em.createQuery("select l from MailingList l where l.name = :name"
                    + " and l.domain.name = :domain", MailingList.class)
                    .setParameter("name", listId.substring(0, dot))
                    .setParameter("domain", listId.substring(dot + 1))
                    .getResultList();
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** True when the address has any row (member, owner, moderator) on the list. */
    public boolean hasAnyRole(MailingList list, String address) {
        return !em.createQuery("select m.id from Member m where m.list = :list and m.address = :address", Long.class)
                .setParameter("list", list)
                .setParameter("address", address)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
