package dev.quire.db.routing;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads the routing tables held in the database. */
@ApplicationScoped
public class RoutingTableRepository {
    @PersistenceContext
    EntityManager em;

    /** The alias targets (aliases(5) syntax) for a local part of a domain, if the database holds one. */
    public Optional<String> aliasTargets(String domain, String localPart) {
        return em.createQuery("select a.targets from Alias a where a.domain.name = :d and a.localPart = :l",
                String.class)
                .setParameter("d", domain)
                .setParameter("l", localPart)
                .getResultStream()
                .findFirst();
    }

    public boolean isRelayDomain(String domain) {
        return !em.createQuery("select r.id from RelayDomain r where r.name = :d", Long.class)
                .setParameter("d", domain)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public List<String> relayNetworks() {
        return em.createQuery("select n.network from RelayNetwork n order by n.id", String.class).getResultList();
    }

}
