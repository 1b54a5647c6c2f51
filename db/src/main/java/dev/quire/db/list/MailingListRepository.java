package dev.quire.db.list;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.mail.EmailAddress;

/** Finds lists by address and reads their rosters. */
@ApplicationScoped
public class MailingListRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<MailingList> find(String domain, String name) {
        return em.createQuery("select l from MailingList l where l.domain.name = :domain and l.name = :name",
                MailingList.class)
                .setParameter("domain", domain)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /** Resolves an address to the list function it names, if any list owns it. */
    public Optional<Resolved> resolve(EmailAddress address) {
        for (ListAddress candidate : ListAddress.candidates(address.localPart())) {
            Optional<MailingList> list = find(address.domain(), candidate.listName());
            if (list.isPresent()) {
                return Optional.of(new Resolved(list.get(), candidate));
            }
        }
        return Optional.empty();
    }

    /** Members in a role whose delivery is enabled, in subscription order. */
    public List<Member> deliveryRoster(MailingList list, MemberRole role) {
        return em.createQuery("select m from Member m where m.list = :list and m.role = :role"
                + " and m.deliveryEnabled = true order by m.id", Member.class)
                .setParameter("list", list)
                .setParameter("role", role)
                // read only: a fan-out reads 10,000 members and changes none, so no snapshots to dirty-check
                .setHint("org.hibernate.readOnly", true)
                .getResultList();
    }

    /** True when the address holds the role on the list (addresses compare without regard to case). */
    public boolean hasRole(MailingList list, EmailAddress address, MemberRole role) {
        return !em.createQuery("select m.id from Member m where m.list = :list and m.address = :address"
                + " and m.role = :role", Long.class)
                .setParameter("list", list)
                .setParameter("address", address.toString())
                .setParameter("role", role)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The address's membership of the list in a role (addresses compare without regard to case). */
    public Optional<Member> member(MailingList list, EmailAddress address, MemberRole role) {
        return em.createQuery("select m from Member m where m.list = :list and m.address = :address"
                + " and m.role = :role", Member.class)
                .setParameter("list", list)
                .setParameter("address", address.toString())
                .setParameter("role", role)
                .getResultStream()
                .findFirst();
    }

    /** The list's held posts, oldest first: the moderation queue. */
    public List<HeldMessage> held(MailingList list) {
        return em.createQuery("select h from HeldMessage h where h.list = :list order by h.id", HeldMessage.class)
                .setParameter("list", list)
                .getResultList();
    }

    public void hold(HeldMessage held) {
        em.persist(held);
    }

    /** A list and which of its addresses was named. */
    public record Resolved(MailingList list, ListAddress address) {
    }
}
