package dev.quire.db.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.mail.EmailAddress;

/** Site users with their API tokens and password reset links. Callers own the transaction. */
@ApplicationScoped
public class SiteUserRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<SiteUser> find(String username) {
        return em.createQuery("select u from SiteUser u where u.username = :u", SiteUser.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }

    public Optional<SiteUser> findByEmail(EmailAddress email) {
        return em.createQuery("select u from SiteUser u where u.email = :e", SiteUser.class)
                .setParameter("e", email.toString())
                .getResultStream()
                .findFirst();
    }

    /** The site admins, oldest account first. */
    public List<SiteUser> siteAdmins() {
        return em.createQuery("select u from SiteUser u where u.siteAdmin = true and u.enabled = true order by u.id",
                SiteUser.class).getResultList();
    }

    public void add(SiteUser user) {
        em.persist(user);
    }

    /** The API token with this hash, if any (valid or not). */
    public Optional<ApiToken> tokenByHash(String tokenHash) {
        return em.createQuery("select t from ApiToken t join fetch t.user where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", tokenHash)
                .getResultStream()
                .findFirst();
    }

    public void addToken(ApiToken token) {
        em.persist(token);
    }

    /** The reset link with this hash, if any (usable or not). */
    public Optional<PasswordReset> resetByHash(String tokenHash) {
        return em.createQuery("select r from PasswordReset r join fetch r.user where r.tokenHash = :h",
                PasswordReset.class)
                .setParameter("h", tokenHash)
                .getResultStream()
                .findFirst();
    }

    public void addReset(PasswordReset reset) {
        em.persist(reset);
    }

    /** Marks every unused reset link of the user as used, so that one reset ends the others too. */
    public void useAllResets(SiteUser user, Instant when) {
        em.createQuery("update PasswordReset r set r.usedAt = :w where r.user = :u and r.usedAt is null")
                .setParameter("w", when)
                .setParameter("u", user)
                .executeUpdate();
    }
}
