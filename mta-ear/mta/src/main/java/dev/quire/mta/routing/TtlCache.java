package dev.quire.mta.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers kept for a short time: a value found by the loader is reused until it is older than the time to live.
 * A loader that throws caches nothing, so a lookup that failed is asked again next time (a database that does
 * not answer keeps giving 451, never an answer made up from nothing). Bounded: past {@code maxEntries} it starts
 * afresh rather than grow.
 *
 * @param <K> the key
 * @param <V> the answer
 */
public final class TtlCache<K, V> {
    private record Entry<V>(V value, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** A cache whose answers live {@code ttl}; zero or negative turns it off. */
    public TtlCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached answer for the key, or the loader's answer (then cached). */
    public V get(K key, Function<K, V> loader) {
        if (ttlNanos == 0) {
            return loader.apply(key);
        }
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.expiresAt() < 0) {
            return e.value();
        }
        V value = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    /** Forgets every answer. */
    public void clear() {
        entries.clear();
    }
}
