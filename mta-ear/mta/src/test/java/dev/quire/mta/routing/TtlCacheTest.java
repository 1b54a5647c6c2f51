package dev.quire.mta.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** What the routing cache keeps: answers for a while; failures never, so a dead database keeps meaning 451. */
class TtlCacheTest {
    private final AtomicInteger asked = new AtomicInteger();
    private volatile boolean databaseUp = true;

    private final Function<String, Boolean> database = key -> {
        asked.incrementAndGet();
        if (!databaseUp) {
            throw new IllegalStateException("Connection refused");
        }
        return key.startsWith("alice");
    };

    @Test
    void anAnswerIsReusedUntilItExpires() throws Exception {
        TtlCache<String, Boolean> cache = new TtlCache<>(Duration.ofMinutes(1), 100);
        assertEquals(true, cache.get("alice@example.test", database));
        assertEquals(false, cache.get("nobody@example.test", database));
        assertEquals(true, cache.get("alice@example.test", database));
        assertEquals(false, cache.get("nobody@example.test", database), "unknown users are answers too");
        assertEquals(2, asked.get());
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsAskedAgainAndNothingIsMadeUp() throws Exception {
        TtlCache<String, Boolean> cache = new TtlCache<>(Duration.ofMinutes(1), 100);
        databaseUp = false;
        assertThrows(IllegalStateException.class, () -> cache.get("carol@example.test", database));
        assertThrows(IllegalStateException.class, () -> cache.get("carol@example.test", database),
                "a failure is not cached: the caller answers 451 again, never 550");
        databaseUp = true;
        assertEquals(false, cache.get("carol@example.test", database));
        assertEquals(3, asked.get());
    }

    @Test
    void anExpiredAnswerIsAskedForAgain() throws Exception {
        TtlCache<String, Boolean> cache = new TtlCache<>(Duration.ofMillis(1), 100);
        assertEquals(true, cache.get("alice@example.test", database));
        Thread.sleep(20);
        databaseUp = false;
        assertThrows(IllegalStateException.class, () -> cache.get("alice@example.test", database),
                "once expired, a dead database is noticed");
    }

    @Test
    void aZeroTimeToLiveCachesNothing() {
        TtlCache<String, Boolean> cache = new TtlCache<>(Duration.ZERO, 100);
        cache.get("alice@example.test", database);
        cache.get("alice@example.test", database);
        assertEquals(2, asked.get());
    }
}
