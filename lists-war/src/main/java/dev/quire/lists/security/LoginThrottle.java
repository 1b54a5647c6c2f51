package dev.quire.lists.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.user.LoginThrottleEntry;
import dev.quire.db.user.LoginThrottleRepository;

/**
 * Slows down password guessing, per user name and per client address. Each subject may fail a number of
 * times within a window; from then on every failure locks it for a delay that doubles, from a minimum up
 * to a maximum, and a locked subject is refused without its password being checked, even a right one. The
 * counters live in the database, so every node of a cluster sees the same ones. A success clears the user
 * name's counter, not the address's: an attacker cannot reset an address by logging in to an own account.
 */
@ApplicationScoped
public class LoginThrottle {
    @Inject
    LoginThrottleRepository entries;

    @Inject
    SecuritySettings settings;

    Clock clock = Clock.systemUTC();

    /**
     * The rules: how many failures each kind of subject may have in the window before delays begin, and
     * the delays.
     */
    public record Policy(int userFailures, int ipFailures, Duration delayMin, Duration delayMax, Duration window) {
        /** The lock after the n-th failure when {@code allowed} failures are free: none, then min, 2 min, ... max. */
        public Duration lockAfter(int failures, int allowed) {
            if (failures < allowed) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - allowed, 30);
            Duration d = delayMin.multipliedBy(1L << doublings);
            return d.compareTo(delayMax) > 0 ? delayMax : d;
        }
    }

    /** How long the longer of the two locks still lasts, if either subject is locked now. */
    @Transactional
    public Optional<Duration> lockedFor(String username, String clientAddress) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String subject : new String[]{userSubject(username), ipSubject(clientAddress)}) {
            Optional<Instant> until = entries.find(subject).map(LoginThrottleEntry::lockedUntil);
            if (until.isPresent() && until.get().isAfter(now)) {
                Duration left = Duration.between(now, until.get());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed login against the user name and the client address. */
    @Transactional
    public void failed(String username, String clientAddress) {
        Policy policy = settings.throttlePolicy();
        count(userSubject(username), policy.userFailures(), policy);
        count(ipSubject(clientAddress), policy.ipFailures(), policy);
    }

    /** Forgets the user name's failures after a successful login. */
    @Transactional
    public void succeeded(String username) {
        entries.clear(userSubject(username));
    }

    private void count(String subject, int allowed, Policy policy) {
        Instant now = clock.instant();
        LoginThrottleEntry e = entries.lockOrCreate(subject, now);
        boolean stale = e.lastFailureAt().isBefore(now.minus(policy.window()))
                && (e.lockedUntil() == null || e.lockedUntil().isBefore(now));
        int failures = (stale ? 0 : e.failures()) + 1;
        Duration lock = policy.lockAfter(failures, allowed);
        e.failed(now, failures, lock.isZero() ? null : now.plus(lock));
    }

    static String userSubject(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (u.length() > 200 ? u.substring(0, 200) : u);
    }

    static String ipSubject(String clientAddress) {
        return "ip:" + (clientAddress == null ? "unknown" : clientAddress);
    }
}
