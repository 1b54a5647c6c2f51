package dev.quire.mail.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed AUTH attempts per client address across the sessions of one server. After {@code maxFailures} within
 * the window the address is refused without asking the {@link Authenticator}; entries expire with the window, and the
 * table is pruned when it grows so that many addresses cannot exhaust memory.
 */
final class AuthThrottle {

    private static final int PRUNE_THRESHOLD = 10_000;

    private final int maxFailures;
    private final long windowNanos;
    private final Map<InetAddress, Deque<Long>> failures = new ConcurrentHashMap<>();

    AuthThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
    }

    /** True if the address used up its failures within the window. */
    boolean blocked(InetAddress client) {
        Deque<Long> times = failures.get(client);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            expire(times, System.nanoTime());
            return times.size() >= maxFailures;
        }
    }

    /** Records one failed attempt from the address. */
    void failed(InetAddress client) {
        long now = System.nanoTime();
        if (failures.size() > PRUNE_THRESHOLD) {
            prune(now);
        }
        Deque<Long> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    private void prune(long now) {
        failures.values().removeIf(times -> {
            synchronized (times) {
                expire(times, now);
                return times.isEmpty();
            }
        });
    }

    private void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
            times.removeFirst();
        }
    }
}
