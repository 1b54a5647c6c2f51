package dev.quire.mta.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.delivery.NextHop;

/**
 * How many deliveries may run at once per destination, as qmail's concurrencylocal and concurrencyremote and
 * Postfix's per-destination concurrency: every remote next hop (a smarthost, a transport host, a domain's MX
 * hosts, the list engine's LMTP) has {@code quire.queue.destination.concurrency.remote} slots, and local delivery
 * (Maildirs, pipes, files) has {@code quire.queue.destination.concurrency.local} in all. A delivery that finds its
 * destination full does not wait on a worker: its message waits in the queue manager for a slot of that destination,
 * and is started again when one is given back, as Postfix's queue manager schedules per destination.
 */
@ApplicationScoped
public class DestinationLimits {
    /** The destination every local delivery shares. */
    static final NextHop LOCAL = NextHop.LOCAL;

    @Inject
    MtaSettings settings;

    private final Map<NextHop, Semaphore> slots = new ConcurrentHashMap<>();
    private int remote;
    private int local;

    @PostConstruct
    void init() {
        remote = Math.max(1, settings.remoteConcurrency());
        local = Math.max(1, settings.localConcurrency());
    }

    private volatile Consumer<NextHop> freed = hop -> {
    };

    /** Takes a slot of the destination if one is free; give it back with {@link #release}. */
    boolean tryAcquire(NextHop hop) {
        return semaphore(hop).tryAcquire();
    }

    /** Gives a slot back and tells the queue manager that the destination has room. */
    void release(NextHop hop) {
        semaphore(hop).release();
        freed.accept(destination(hop));
    }

    /** True when the destination has a free slot now. */
    boolean hasRoom(NextHop hop) {
        return semaphore(hop).availablePermits() > 0;
    }

    /** Who is told each time a slot is given back, with the destination's key ({@link #destination}). */
    void onRelease(Consumer<NextHop> listener) {
        this.freed = listener;
    }

    /** The destination a next hop counts against: itself, or {@link #LOCAL} for every local transport. */
    static NextHop destination(NextHop hop) {
        return "local".equals(hop.transport()) ? LOCAL : hop;
    }

    private Semaphore semaphore(NextHop hop) {
        return slots.computeIfAbsent(destination(hop), k -> new Semaphore(k == LOCAL ? local : remote));
    }
}
