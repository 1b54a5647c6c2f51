package dev.quire.db.list;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.mail.EmailAddress;

/**
 * Memberships of one list: finds, adds and removes them. Addresses compare without regard to case (the
 * column's collation), so {@code Alice@Example.test} finds {@code alice@example.test}.
 */
@ApplicationScoped
public class MemberRepository {
    @PersistenceContext
    EntityManager em;

    /** The address's membership in a role, if it holds it. */
    public Optional<Member> find(MailingList list, EmailAddress address, MemberRole role) {
        return em.createQuery("select m from Member m where m.list = :list and m.address = :address"
                + " and m.role = :role", Member.class)
                .setParameter("list", list)
                .setParameter("address", address.toString())
                .setParameter("role", role)
                .getResultStream()
                .findFirst();
    }

    /** Everyone in a role, delivery on or off, by address. */
    public List<Member> roster(MailingList list, MemberRole role) {
        return em.createQuery("select m from Member m where m.list = :list and m.role = :role order by m.address",
                Member.class)
                .setParameter("list", list)
                .setParameter("role", role)
                .getResultList();
    }

    /** The owners and moderators, each address once: who list-owner@ and moderator notices reach. */
    public List<EmailAddress> staff(MailingList list) {
        return em.createQuery("select distinct m.address from Member m where m.list = :list"
                + " and m.role in :roles order by m.address", String.class)
                .setParameter("list", list)
                .setParameter("roles", List.of(MemberRole.OWNER, MemberRole.MODERATOR))
                .getResultList()
                .stream()
                .map(EmailAddress::parse)
                .toList();
    }

    /** True when the address is an owner or a moderator of the list. */
    public boolean isStaff(MailingList list, EmailAddress address) {
        return find(list, address, MemberRole.OWNER).isPresent() || find(list, address, MemberRole.MODERATOR)
                .isPresent();
    }

    public void add(Member member) {
        em.persist(member);
    }

    public void remove(Member member) {
        em.remove(em.contains(member) ? member : em.merge(member));
    }

    /** Writes a change to a member read outside this transaction; returns the managed copy. */
    public Member update(Member member) {
        return em.contains(member) ? member : em.merge(member);
    }
}
