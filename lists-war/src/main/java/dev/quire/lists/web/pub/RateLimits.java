package dev.quire.lists.web.pub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.web.RateLimitRepository;

/**
 * Rate limits of the public forms, against bots and against mail-bombing one address with confirmation
 * requests: each request counts once for its client address and once for the email address it names, in
 * fixed windows of {@code quire.web.public.window}; past either limit the form answers 429 until the window
 * ends. Counters live in the database, so every node sees the same counts.
 */
@ApplicationScoped
public class RateLimits {
    private static final int FORGET_BATCH = 100;

    @Inject
    RateLimitRepository counters;

    @Inject
    PublicSettings settings;

    Clock clock = Clock.systemUTC();

    /** Counts one form request; when a limit is passed, how long until the client may try again. */
    @Transactional
    public Optional<Duration> request(String clientAddress, String email) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.window());
        counters.forget(windowStart, FORGET_BATCH);
        Optional<Duration> byClient = count("ip:" + clientAddress, settings.ipRequests(), now, windowStart);
        Optional<Duration> byEmail = email == null || email.isBlank()
                ? Optional.empty()
                : count("email:" + email.strip().toLowerCase(Locale.ROOT), settings.addressRequests(), now,
                        windowStart);
        return byClient.isPresent() ? byClient : byEmail;
    }

    private Optional<Duration> count(String key, int limit, Instant now, Instant windowStart) {
        byte[] bucket = sha256(key);
        if (counters.hit(bucket, now, windowStart) <= limit) {
            return Optional.empty();
        }
        Instant began = counters.windowStart(bucket);
        Duration left = began == null ? settings.window() : Duration.between(now, began.plus(settings.window()));
        return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
