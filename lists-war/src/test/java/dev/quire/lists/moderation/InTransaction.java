package dev.quire.lists.moderation;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** For in-container tests: runs a piece of set-up or inspection in a transaction of its own. */
@ApplicationScoped
public class InTransaction {
    @PersistenceContext
    EntityManager em;

    @Transactional
    public <T> T apply(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
