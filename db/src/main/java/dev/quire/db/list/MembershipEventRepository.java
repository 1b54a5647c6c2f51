package dev.quire.db.list;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.mail.EmailAddress;

/** The membership audit trail: appended to on every change, read per address. */
@ApplicationScoped
public class MembershipEventRepository {
    @PersistenceContext
    EntityManager em;

    public void add(MembershipEvent event) {
        em.persist(event);
    }

    /** What happened to one address on one list, oldest first. */
    public List<MembershipEvent> of(MailingList list, EmailAddress address) {
        return em.createQuery("select e from MembershipEvent e where e.list = :list and e.address = :address"
                + " order by e.id", MembershipEvent.class)
                .setParameter("list", list)
                .setParameter("address", address.toString())
                .getResultList();
    }
}
