package dev.quire.lists.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.user.PasswordReset;
import dev.quire.db.user.SecretHash;
import dev.quire.db.user.SiteUser;
import dev.quire.db.user.SiteUserRepository;
import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * Password reset by email: a request mails a link with a random token to the account's address; the
 * link works once, until it expires ({@code quire.web.reset.lifetime}). Whether an account matched is
 * never told to the requester. Setting the new password ends the account's other sessions and links.
 */
@ApplicationScoped
public class PasswordResets {
    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 10;
    private static final int MAX_LENGTH = 1000;
    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());

    @Inject
    SiteUserRepository users;

    @Inject
    Notifier notifier;

    @Inject
    SecuritySettings settings;

    @Inject
    ListsSettings lists;

    Clock clock = Clock.systemUTC();

    /** How completing a reset went. */
    public enum Result {
        CHANGED, LINK_INVALID, TOO_SHORT
    }

    /** Mails a reset link when a user name or address names an enabled account with an address. */
    @Transactional
    public void request(String userOrAddress) {
        if (userOrAddress == null || userOrAddress.isBlank() || userOrAddress.length() > 254) {
            return;
        }
        String who = userOrAddress.strip();
        Optional<SiteUser> user = users.find(who).or(() -> byAddress(who));
        if (user.isEmpty() || !user.get().enabled() || user.get().email() == null) {
            LOG.info(() -> "password reset asked for '" + Account.printable(who) + "': no account with an address");
            return;
        }
        String token = SecretHash.newSecret("");
        users.addReset(new PasswordReset(user.get(), SecretHash.of(token),
                clock.instant().plus(settings.resetLifetime())));
        String link = settings.webUrl() + "/admin/password-reset/" + token;
        String body = "Someone (probably you) asked to reset the password of the Quire account '"
                + user.get().username() + "'.\n\nTo choose a new password, open this link within "
                + settings.resetLifetime().toMinutes() + " minutes:\n\n  " + link
                + "\n\nThe link works once. If you did not ask for this, ignore this message;"
                + " your password stays as it is.\n";
        Notice notice = Notice.of(EmailAddress.of("quire-noreply", lists.hostname()), "Quire",
                List.of(user.get().email()), "Reset your Quire password", body);
        try {
            notifier.send(null, notice);
            LOG.info(() -> "password reset link sent for '" + user.get().username() + "'");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not send the password reset mail for '" + user.get().username() + "'", e);
        }
    }

    /** The account a reset link belongs to, while the link may be used. */
    @Transactional
    public Optional<String> check(String token) {
        return usable(token).map(r -> r.user().username());
    }

    /** Sets a new password through a reset link. */
    @Transactional
    public Result complete(String token, char[] password) {
        Optional<PasswordReset> reset = usable(token);
        if (reset.isEmpty()) {
            return Result.LINK_INVALID;
        }
        if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            return Result.TOO_SHORT;
        }
        Instant now = clock.instant();
        reset.get().user().changePassword(password, now);
        users.useAllResets(reset.get().user(), now);
        LOG.info(() -> "password of '" + reset.get().user().username() + "' changed through a reset link");
        return Result.CHANGED;
    }

    private Optional<PasswordReset> usable(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return users.resetByHash(SecretHash.of(token)).filter(r -> r.usableAt(now) && r.user().enabled());
    }

    private Optional<SiteUser> byAddress(String text) {
        try {
            return users.findByEmail(EmailAddress.parse(text));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }
}
