package dev.quire.lists.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.user.ApiToken;
import dev.quire.db.user.PasswordHash;
import dev.quire.db.user.SecretHash;
import dev.quire.db.user.SiteUser;
import dev.quire.db.user.SiteUserRepository;

/** Checks passwords and API tokens of site users, and reads an account again for a running session. */
@ApplicationScoped
public class Accounts {
    /** Verified against when the user does not exist, so a login takes as long either way. */
    private static final String UNKNOWN_USER_HASH = PasswordHash.create(new char[]{'x'});

    @Inject
    SiteUserRepository users;

    Clock clock = Clock.systemUTC();

    /** The account when the password is right and the account enabled; records the login and upgrades the hash. */
    @Transactional
    public Optional<Account> checkPassword(String username, char[] password) {
        Optional<SiteUser> user = users.find(username);
        if (user.isEmpty()) {
            PasswordHash.verify(password, UNKNOWN_USER_HASH);
            return Optional.empty();
        }
        if (!user.get().passwordMatches(password) || !user.get().enabled()) {
            return Optional.empty();
        }
        user.get().loggedIn(password, clock.instant());
        return Optional.of(Account.of(user.get()));
    }

    /** The token's account when the token exists, has not expired and its account is enabled. */
    @Transactional
    public Optional<Account> checkToken(String token) {
        if (token == null || !token.startsWith(ApiToken.PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return users.tokenByHash(SecretHash.of(token))
                .filter(t -> t.validAt(now) && t.user().enabled())
                .map(t -> {
                    t.used(now);
                    return Account.of(t.user());
                });
    }

    /** An enabled account by user name. */
    @Transactional
    public Optional<Account> find(String username) {
        return users.find(username).filter(SiteUser::enabled).map(Account::of);
    }

    /**
     * The account behind a session that logged in at {@code loggedInAt}, when it is still enabled and its
     * password has not changed since.
     */
    @Transactional
    public Optional<Account> forSession(String username, Instant loggedInAt) {
        return users.find(username)
                .filter(SiteUser::enabled)
                .filter(u -> u.passwordChangedAt() == null || !u.passwordChangedAt().isAfter(loggedInAt))
                .map(Account::of);
    }

    /**
     * Creates an API token for a user and returns it: the only time it exists in clear.
     *
     * @param lifetime null for a token that does not expire
     */
    @Transactional
    public String createToken(String username, String name, java.time.Duration lifetime) {
        SiteUser user = users.find(username).orElseThrow(() -> new IllegalArgumentException("no user " + username));
        String token = SecretHash.newSecret(ApiToken.PREFIX);
        users.addToken(new ApiToken(user, name, SecretHash.of(token),
                lifetime == null ? null : clock.instant().plus(lifetime)));
        return token;
    }

    /** The first enabled site admin, if any. */
    @Transactional
    public Optional<String> firstSiteAdmin() {
        return users.siteAdmins().stream().findFirst().map(SiteUser::username);
    }
}
