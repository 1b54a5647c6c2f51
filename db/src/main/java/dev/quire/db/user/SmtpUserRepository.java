package dev.quire.db.user;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** SMTP AUTH accounts. */
@ApplicationScoped
public class SmtpUserRepository {
    /** Verified against when the user does not exist, so a login takes as long either way. */
    private static final String UNKNOWN_USER_HASH = PasswordHash.create(new char[]{'x'});

    @PersistenceContext
    EntityManager em;

    /**
     * Checks a login; on success records it and upgrades an imported hash, in one transaction.
     *
     * @return the account's user name when the password is right and the account enabled
     */
    @Transactional
    public Optional<String> login(String username, char[] password) {
        Optional<SmtpUser> user = em.createQuery("select u from SmtpUser u where u.username = :u", SmtpUser.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
        if (user.isEmpty()) {
            PasswordHash.verify(password, UNKNOWN_USER_HASH);
            return Optional.empty();
        }
        if (!user.get().enabled() || !PasswordHash.verify(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        user.get().loggedIn(password, Instant.now());
        return Optional.of(user.get().username());
    }
}
