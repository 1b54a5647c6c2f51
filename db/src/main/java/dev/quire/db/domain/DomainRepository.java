package dev.quire.db.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.mail.EmailAddress;

/** Looks up served domains and their local mailboxes. */
@ApplicationScoped
public class DomainRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<Domain> find(String name) {
        return em.createQuery("select d from Domain d where d.name = :name", Domain.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /** The first LOCAL domain created, the default for unqualified names. */
    public Optional<String> firstLocal() {
        return em.createQuery("select d.name from Domain d where d.kind = :k order by d.id", String.class)
                .setParameter("k", DomainKind.LOCAL)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** True when the address names a mailbox in a LOCAL domain. */
    public boolean mailboxExists(EmailAddress address) {
        return !em.createQuery("select m.id from Mailbox m where m.domain.name = :domain and m.localPart = :local",
                Long.class)
                .setParameter("domain", address.domain())
                .setParameter("local", address.localPart())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
