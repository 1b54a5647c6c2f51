package dev.quire.mta.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.delivery.NextHop;

/**
 * How many deliveries may run at once per destination, as qmail's concurrencylocal and concurrencyremote and
 * Postfix's per-destination concurrency: every remote next hop (a smarthost, a transport host, a domain's MX
 * hosts, the list engine's LMTP) has {@code quire.queue.destination.concurrency.remote} slots, and local delivery
 * (Maildirs, pipes, files) has {@code quire.queue.destination.concurrency.local} in all. A delivery waits for a
 * slot of its destination.
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

    /** Takes a slot of the destination, waiting for one; give it back with {@link #release}. */
    void acquire(NextHop hop) throws InterruptedException {
        semaphore(hop).acquire();
    }

    void release(NextHop hop) {
        semaphore(hop).release();
    }

    private Semaphore semaphore(NextHop hop) {
        NextHop key = "local".equals(hop.transport()) ? LOCAL : hop;
        return slots.computeIfAbsent(key, k -> new Semaphore(k == LOCAL ? local : remote, true));
    }
}
