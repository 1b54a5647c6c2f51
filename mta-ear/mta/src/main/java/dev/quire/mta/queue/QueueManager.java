package dev.quire.mta.queue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.control.Quiescence;
import dev.quire.mta.delivery.Outcome;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.QueueName;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.Spool;

/**
 * Moves messages through the queues: recovers the spool at start, then claims incoming entries and due
 * deferred ones, a bounded number at a time, and files each by its outcome.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueManager {
    private static final Logger LOG = Logger.getLogger(QueueManager.class.getName());
    private static final long IDLE_SCAN_MILLIS = 1000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Spool spool;

    @Inject
    Dispatcher dispatcher;

    @Inject
    MtaSettings settings;

    @Inject
    Quiescence quiescence;

    private final Map<QueueId, Instant> deferredDue = new ConcurrentHashMap<>();
    private final Set<QueueId> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private Semaphore slots;
    private ExecutorService workers;
    private Thread scheduler;
    private volatile boolean running;
    private boolean woken;

    @PostConstruct
    void start() {
        try {
            int returned = spool.recover();
            for (QueueId id : spool.list(QueueName.DEFERRED)) {
                deferredDue.put(id, spool.read(QueueName.DEFERRED, id).nextAttemptAt());
            }
            LOG.info(() -> "queue recovered: " + returned + " returned to incoming, " + deferredDue.size()
                    + " deferred");
        } catch (IOException e) {
            throw new IllegalStateException("cannot recover the spool: " + e.getMessage(), e);
        }
        slots = new Semaphore(settings.queueConcurrency());
        workers = Executors.newFixedThreadPool(settings.queueConcurrency(), threads);
        running = true;
        scheduler = threads.newThread(this::loop);
        scheduler.setName("quire-qmgr");
        scheduler.start();
    }

    /** Tells the queue manager that new mail is waiting. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** How many entries each queue holds now. */
    public Map<QueueName, Integer> sizes() throws IOException {
        Map<QueueName, Integer> sizes = new java.util.EnumMap<>(QueueName.class);
        for (QueueName q : QueueName.values()) {
            sizes.put(q, spool.count(q));
        }
        return sizes;
    }

    private void loop() {
        while (running) {
            try {
                if (quiescence.isQuiescent()) {
                    waitForSignal();
                    continue;
                }
                for (QueueId id : spool.list(QueueName.INCOMING)) {
                    submit(QueueName.INCOMING, id);
                }
                Instant now = Instant.now();
                for (Map.Entry<QueueId, Instant> e : List.copyOf(deferredDue.entrySet())) {
                    if (!e.getValue().isAfter(now)) {
                        submit(QueueName.DEFERRED, e.getKey());
                    }
                }
                waitForSignal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "queue scan failed: " + e.getMessage(), e);
                sleepQuietly();
            }
        }
    }

    private void waitForSignal() throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(IDLE_SCAN_MILLIS);
            }
            woken = false;
        }
    }

    private void submit(QueueName from, QueueId id) throws InterruptedException {
        if (!running || !inFlight.add(id)) {
            return;
        }
        slots.acquire();
        workers.execute(() -> {
            try {
                deliver(from, id);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, id + ": delivery attempt failed inside the MTA: " + e.getMessage(), e);
            } finally {
                inFlight.remove(id);
                slots.release();
            }
        });
    }

    private void deliver(QueueName from, QueueId id) throws IOException {
        if (from == QueueName.DEFERRED) {
            deferredDue.remove(id);
        }
        Envelope envelope = spool.claim(from, id).orElse(null);
        if (envelope == null) {
            return;
        }
        Map<Recipient, Outcome> outcomes = dispatcher.attempt(envelope, spool.messagePath(id),
                envelope.heloName() == null ? settings.hostname() : envelope.heloName());
        List<Recipient> retry = new ArrayList<>();
        List<Envelope.Failure> failed = new ArrayList<>();
        String lastError = null;
        for (Recipient r : envelope.pending()) {
            Outcome o = outcomes.getOrDefault(r, Outcome.retry("no outcome reported"));
            LOG.info(
                    () -> id + ": to=" + r + ", status=" + o.status().name().toLowerCase() + " (" + o.detail() + ")");
            switch (o.status()) {
                case DELIVERED -> {
                }
                case RETRY -> {
                    retry.add(r);
                }
                case FAILED -> failed.add(new Envelope.Failure(r, o.detail()));
            }
            if (o.status() == Outcome.Status.RETRY) {
                lastError = o.detail();
            }
        }
        Instant now = Instant.now();
        boolean expired = !retry.isEmpty() && now.isAfter(envelope.arrivedAt().plus(settings.queueLifetime()));
        if (expired) {
            for (Recipient r : retry) {
                failed.add(new Envelope.Failure(r, "queue lifetime exceeded; last error: " + lastError));
            }
            retry.clear();
        }
        Envelope next = envelope.afterAttempt(retry, failed, now
                .plus(new RetrySchedule(settings.retryMin(), settings.retryMax()).delayAfter(envelope.attempts() + 1)),
                lastError);
        if (!retry.isEmpty()) {
            spool.release(next, QueueName.DEFERRED);
            deferredDue.put(id, next.nextAttemptAt());
            LOG.info(() -> id + ": deferred until " + next.nextAttemptAt());
        } else if (!next.failed().isEmpty()) {
            spool.release(next, QueueName.HOLD);
            LOG.warning(() -> id + ": held: " + next.failed().size() + " recipient(s) failed permanently");
        } else {
            spool.finish(id);
            LOG.info(() -> id + ": removed");
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(IDLE_SCAN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        scheduler.interrupt();
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
