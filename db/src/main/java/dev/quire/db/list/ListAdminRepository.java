package dev.quire.db.list;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.db.domain.DomainKind;
import dev.quire.mail.EmailAddress;

/** What the web admin and the REST API ask about lists: who manages which, and counts for overviews. */
@ApplicationScoped
public class ListAdminRepository {
    private static final List<MemberRole> MANAGERS = List.of(MemberRole.OWNER, MemberRole.MODERATOR);

    @PersistenceContext
    EntityManager em;

    /** Every list, by domain and name. */
    public List<MailingList> all() {
        return em.createQuery("select l from MailingList l join fetch l.domain d order by d.name, l.name",
                MailingList.class).getResultList();
    }

    /** The OWNER and MODERATOR rows of an address, with their lists, by domain and list name. */
    public List<Member> managerRows(EmailAddress address) {
        return em.createQuery("select m from Member m join fetch m.list l join fetch l.domain d"
                + " where m.address = :a and m.role in :roles order by d.name, l.name", Member.class)
                .setParameter("a", address.toString())
                .setParameter("roles", MANAGERS)
                .getResultList();
    }

    /** The OWNER and MODERATOR roles an address holds on a list. */
    public List<MemberRole> managerRoles(MailingList list, EmailAddress address) {
        return em.createQuery("select m.role from Member m where m.list = :l and m.address = :a"
                + " and m.role in :roles", MemberRole.class)
                .setParameter("l", list)
                .setParameter("a", address.toString())
                .setParameter("roles", MANAGERS)
                .getResultList();
    }

    /** How many member rows the list has in each role (every role present, zero when none). */
    public Map<MemberRole, Long> countByRole(MailingList list) {
        Map<MemberRole, Long> counts = new EnumMap<>(MemberRole.class);
        for (MemberRole r : MemberRole.values()) {
            counts.put(r, 0L);
        }
        for (Object[] row : em.createQuery("select m.role, count(m) from Member m where m.list = :l group by m.role",
                Object[].class).setParameter("l", list).getResultList()) {
            counts.put((MemberRole) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** How many posts wait for moderation. */
    public long heldCount(MailingList list) {
        return em.createQuery("select count(h) from HeldMessage h where h.list = :l", Long.class)
                .setParameter("l", list)
                .getSingleResult();
    }

    /** Every domain with the number of lists in it, by name. */
    public List<DomainLists> domains() {
        return em.createQuery("select d.name, d.kind, count(l) from Domain d left join MailingList l on l.domain = d"
                + " group by d.id, d.name, d.kind order by d.name", Object[].class)
                .getResultList()
                .stream()
                .map(r -> new DomainLists((String) r[0], (DomainKind) r[1], (Long) r[2]))
                .toList();
    }

    /** The list at an address, if any. */
    public Optional<MailingList> find(EmailAddress posting) {
        return em.createQuery("select l from MailingList l join fetch l.domain d where d.name = :d and l.name = :n",
                MailingList.class)
                .setParameter("d", posting.domain())
                .setParameter("n", posting.localPart())
                .getResultStream()
                .findFirst();
    }

    /** A domain and how many lists it holds. */
    public record DomainLists(String name, DomainKind kind, long lists) {
    }
}
