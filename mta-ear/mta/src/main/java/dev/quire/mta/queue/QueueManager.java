package dev.quire.mta.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import dev.quire.mta.delivery.NextHop;
import dev.quire.mta.delivery.Outcome;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.MessageBody;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.QueueName;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.Spool;

/**
 * Moves messages through the queues. At start it recovers the spool; then it claims incoming entries and due
 * deferred ones (a bounded number at a time), and slow ones at a lower rate. Each attempt ends in one of three
 * ways: the entry is finished, deferred with exponential backoff (moving to the slow queue after a day), or,
 * for permanent failures and an expired lifetime, reported to the sender in a DSN. The sender of a message
 * still undelivered after the warning time is told once. An admin can hold, release, requeue and delete.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueManager {
    private static final Logger LOG = Logger.getLogger(QueueManager.class.getName());
    /** The source named in the per-message log lines, so that the logger need not walk the stack to find it. */
    private static final String SOURCE = QueueManager.class.getName();
    private static final long IDLE_SCAN_MILLIS = 1000;
    private static final Duration PARKED_MAX = Duration.ofSeconds(10);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Spool spool;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Bouncer bouncer;

    @Inject
    MtaSettings settings;

    @Inject
    Quiescence quiescence;

    @Inject
    DestinationLimits limits;

    private final Map<QueueName, DueTimes> due = new EnumMap<>(QueueName.class);
    private final Set<QueueId> inFlight = ConcurrentHashMap.newKeySet();
    /** Messages just accepted, handed over directly so that the incoming directory is not listed per message. */
    private final Queue<QueueId> fresh = new ConcurrentLinkedQueue<>();
    /** Messages put aside until their destination has a free slot, and since when (System.nanoTime). */
    private final Map<QueueId, Long> parked = new ConcurrentHashMap<>();
    private final Map<NextHop, Queue<QueueId>> waitingFor = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private volatile boolean scanIncoming = true;
    private long nextIncomingScan;
    private Semaphore slots;
    private Semaphore slowSlots;
    private ExecutorService workers;
    private Thread scheduler;
    private volatile boolean running;
    private boolean woken;

    @PostConstruct
    void start() {
        due.put(QueueName.DEFERRED, new DueTimes());
        due.put(QueueName.SLOW, new DueTimes());
        try {
            int returned = spool.recover();
            for (QueueName q : due.keySet()) {
                for (QueueId id : spool.list(q)) {
                    due.get(q).put(id, spool.read(q, id).nextAttemptAt());
                }
            }
            LOG.info(() -> "queue recovered: " + returned + " returned to incoming, "
                    + due.get(QueueName.DEFERRED).size() + " deferred, " + due.get(QueueName.SLOW).size() + " slow");
        } catch (IOException e) {
            throw new IllegalStateException("cannot recover the spool: " + e.getMessage(), e);
        }
        limits.onRelease(this::slotFreed);
        slots = new Semaphore(settings.queueConcurrency());
        slowSlots = new Semaphore(Math.max(1, settings.slowConcurrency()));
        workers = Executors.newFixedThreadPool(settings.queueConcurrency() + Math.max(1, settings.slowConcurrency()),
                threads);
        running = true;
        scheduler = threads.newThread(this::loop);
        scheduler.setName("quire-qmgr");
        scheduler.start();
    }

    /**
     * Takes a message the spool just accepted. When a delivery slot is free and nothing else waits, the caller hands
     * the message to a worker itself (ADR 0041), and a journaled message is delivered from memory: its queue files
     * are written only if that first attempt does not finish it (ADR 0043). Otherwise its files are written into the
     * incoming queue and the scheduler takes it in turn.
     *
     * @throws IOException when the queue files of a message that has to wait cannot be written; the message is
     *         then not accepted (the client gets a 4xx)
     */
    public void accepted(Spool.Accepted accepted) throws IOException {
        QueueId id = accepted.id();
        if (fresh.isEmpty() && running && !quiescence.isQuiescent() && slots.tryAcquire()) {
            if (inFlight.add(id)) {
                try {
                    if (accepted.unqueued()) {
                        workers.execute(() -> deliverFresh(accepted));
                    } else {
                        execute(QueueName.INCOMING, id, slots);
                    }
                    return;
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    inFlight.remove(id); // stopping: the message goes to the incoming queue for the next start
                }
            }
            slots.release();
        }
        spool.enqueue(accepted);
        fresh.add(id);
        signal();
    }

    /**
     * The hand-over of {@link #accepted} as a plain call on this instance, for the listeners' sessions to keep:
     * through the container every call is an EJB invocation with its own JTA transaction, which cost a fifth of
     * the MTA's CPU time per relayed message (docs/benchmarks.md).
     */
    public Intake intake() {
        return this::accepted;
    }

    /** Where a listener's session hands each message the spool accepted. */
    @FunctionalInterface
    public interface Intake {
        void accepted(Spool.Accepted accepted) throws IOException;
    }

    /** Tells the queue manager that mail was moved into the incoming queue (flush, release). */
    public void wake() {
        scanIncoming = true;
        signal();
    }

    private void signal() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** How many entries each queue holds now. */
    public Map<QueueName, Integer> sizes() throws IOException {
        Map<QueueName, Integer> sizes = new EnumMap<>(QueueName.class);
        for (QueueName q : QueueName.values()) {
            sizes.put(q, spool.count(q) + (q == QueueName.ACTIVE ? spool.unqueued().size() : 0));
        }
        return sizes;
    }

    /** The entries of one queue, or of all, oldest first: {@code mailq}. */
    public List<QueueEntryView> list(Optional<QueueName> only) throws IOException {
        return list(only, 0, Integer.MAX_VALUE);
    }

    /**
     * A page of {@code mailq}: the entries of one queue, or of all (in queue order, oldest first within each), from
     * {@code offset}, at most {@code limit}; only their envelopes are read.
     */
    public List<QueueEntryView> list(Optional<QueueName> only, int offset, int limit) throws IOException {
        List<QueueEntryView> out = new ArrayList<>();
        int skip = offset;
        for (QueueName q : QueueName.values()) {
            if (only.isPresent() && only.get() != q) {
                continue;
            }
            List<QueueId> ids = spool.list(q);
            List<Spool.Accepted> unqueued = q == QueueName.ACTIVE ? List.copyOf(spool.unqueued()) : List.of();
            int count = ids.size() + unqueued.size();
            if (skip >= count) {
                skip -= count;
                continue;
            }
            for (int i = skip; i < count && out.size() < limit; i++) {
                if (i < ids.size()) {
                    QueueId id = ids.get(i);
                    try {
                        Envelope e = spool.read(q, id);
                        long size = Files.exists(spool.messagePath(id)) ? Files.size(spool.messagePath(id)) : 0;
                        out.add(view(q, size, e));
                    } catch (IOException gone) {
                        // delivered or moved while listing
                    }
                } else {
                    // first attempts from memory, whose queue files are not written (ADR 0043)
                    Spool.Accepted a = unqueued.get(i - ids.size());
                    out.add(view(q, a.size(), a.envelope()));
                }
            }
            skip = 0;
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private static QueueEntryView view(QueueName queue, long size, Envelope e) {
        return new QueueEntryView(e.id().value(), queue.name().toLowerCase(), size, e.arrivedAt(),
                e.sender() == null ? "" : e.sender().toString(),
                e.pending().stream().map(Recipient::toString).toList(), e.lastError(), e.nextAttemptAt());
    }

    /** Puts a waiting message on hold; it stays until released. False when it is not waiting. */
    public boolean hold(QueueId id) throws IOException {
        for (QueueName from : List.of(QueueName.INCOMING, QueueName.DEFERRED, QueueName.SLOW)) {
            if (spool.move(from, id, QueueName.HOLD)) {
                forget(id);
                LOG.info(() -> id + ": held by an admin");
                return true;
            }
        }
        return false;
    }

    /** Releases a held message, or requeues a deferred or slow one, for delivery now. */
    public boolean requeue(QueueId id) throws IOException {
        for (QueueName from : List.of(QueueName.HOLD, QueueName.DEFERRED, QueueName.SLOW)) {
            if (spool.move(from, id, QueueName.INCOMING)) {
                forget(id);
                dispatcher.forgetUnreachable();
                LOG.info(() -> id + ": released from " + from.name().toLowerCase() + " by an admin");
                wake();
                return true;
            }
        }
        return false;
    }

    /**
     * Makes every deferred and slow message due now ({@code postqueue -f}, {@code sendmail -q}), for example
     * once a next hop that was down is back.
     *
     * @return how many messages were requeued
     */
    public int flush() throws IOException {
        dispatcher.forgetUnreachable(); // as postqueue -f, which re-enables dead destinations
        int n = 0;
        for (QueueName from : List.of(QueueName.DEFERRED, QueueName.SLOW)) {
            for (QueueId id : spool.list(from)) {
                if (spool.move(from, id, QueueName.INCOMING)) {
                    forget(id);
                    n++;
                }
            }
        }
        int flushed = n;
        LOG.info(() -> "queue flushed by an admin: " + flushed + " messages due now");
        wake();
        return n;
    }

    /** Deletes a message that is not being delivered right now. */
    public boolean delete(QueueId id) throws IOException {
        for (QueueName from : List.of(QueueName.HOLD, QueueName.DEFERRED, QueueName.SLOW, QueueName.INCOMING,
                QueueName.CORRUPT)) {
            if (spool.delete(from, id)) {
                forget(id);
                LOG.warning(() -> id + ": deleted from " + from.name().toLowerCase() + " by an admin");
                return true;
            }
        }
        return false;
    }

    /**
     * Moves deferred messages that arrived before {@code arrivedBefore} to the slow queue now, each keeping its next
     * attempt time (the {@code slow-queue} job). Returns the ids moved.
     */
    public List<QueueId> moveToSlow(Instant arrivedBefore) throws IOException {
        List<QueueId> moved = new ArrayList<>();
        for (QueueId id : spool.list(QueueName.DEFERRED)) {
            Envelope e;
            try {
                e = spool.read(QueueName.DEFERRED, id);
            } catch (IOException gone) {
                continue; // claimed or moved meanwhile
            }
            if (e.arrivedAt().isBefore(arrivedBefore) && spool.move(QueueName.DEFERRED, id, QueueName.SLOW)) {
                due.get(QueueName.DEFERRED).remove(id);
                due.get(QueueName.SLOW).put(id, e.nextAttemptAt());
                moved.add(id);
                LOG.info(() -> id + ": moved to slow by slow-queue, arrived " + e.arrivedAt());
            }
        }
        return moved;
    }

    private void forget(QueueId id) {
        due.values().forEach(m -> m.remove(id));
        parked.remove(id);
    }

    private void loop() {
        while (running) {
            try {
                if (!quiescence.isQuiescent()) {
                    for (QueueId id = fresh.poll(); id != null; id = fresh.poll()) {
                        submit(QueueName.INCOMING, id, slots);
                    }
                    long now = System.currentTimeMillis();
                    if (scanIncoming || now >= nextIncomingScan) {
                        // a safety net for whatever arrived without a hand-over (recovery, admin moves)
                        scanIncoming = false;
                        nextIncomingScan = now + IDLE_SCAN_MILLIS;
                        for (QueueId id : spool.list(QueueName.INCOMING)) {
                            if (!stillParked(id)) {
                                submit(QueueName.INCOMING, id, slots);
                            }
                        }
                    }
                    submitDue(QueueName.DEFERRED, slots, false);
                    submitDue(QueueName.SLOW, slowSlots, true);
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

    /**
     * True for a message waiting for a slot of its destination; one that waited longer than {@link #PARKED_MAX} is
     * released to the scan, in case the wake-up was missed.
     */
    private boolean stillParked(QueueId id) {
        Long since = parked.get(id);
        if (since == null) {
            return false;
        }
        if (System.nanoTime() - since < PARKED_MAX.toNanos()) {
            return true;
        }
        parked.remove(id);
        return false;
    }

    private void submitDue(QueueName queue, Semaphore permits, boolean onlyIfFree) throws InterruptedException {
        for (QueueId id : due.get(queue).dueBy(Instant.now())) {
            if (onlyIfFree && permits.availablePermits() == 0) {
                return;
            }
            submit(queue, id, permits);
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

    private void submit(QueueName from, QueueId id, Semaphore permits) throws InterruptedException {
        if (!running || !inFlight.add(id)) {
            return;
        }
        permits.acquire();
        execute(from, id, permits);
    }

    /** Runs one delivery attempt on a worker; the caller holds a permit, which the worker releases. */
    private void execute(QueueName from, QueueId id, Semaphore permits) {
        workers.execute(() -> {
            NextHop parkedOn = null;
            try {
                parkedOn = deliver(from, id);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, id + ": delivery attempt failed inside the MTA: " + e.getMessage(), e);
            } finally {
                inFlight.remove(id);
                permits.release();
                park(id, parkedOn);
            }
        });
    }

    /**
     * The first attempt of a message just accepted, from memory, on a worker that holds a slot. Whatever stops it
     * half way, the message ends up in the active queue (recovered at the next start) or stays in the journal.
     */
    private void deliverFresh(Spool.Accepted accepted) {
        QueueId id = accepted.id();
        NextHop parkedOn = null;
        try {
            parkedOn = conclude(accepted.envelope(), attempt(accepted.envelope(), accepted.body()), accepted);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, id + ": delivery attempt failed inside the MTA: " + e.getMessage(), e);
            try {
                spool.materialize(accepted);
            } catch (IOException | RuntimeException again) {
                LOG.log(Level.SEVERE, id + ": stays in the spool journal until the next start: " + again.getMessage(),
                        again);
            }
        } finally {
            inFlight.remove(id);
            slots.release();
            park(id, parkedOn);
        }
    }

    /** One attempt of a queued message; returns the destination it now waits for, or null. */
    private NextHop deliver(QueueName from, QueueId id) throws IOException {
        if (due.containsKey(from)) {
            due.get(from).remove(id);
        }
        Envelope envelope = spool.claim(from, id).orElse(null);
        if (envelope == null) {
            return null;
        }
        return conclude(envelope, attempt(envelope, MessageBody.of(spool.messagePath(id))), null);
    }

    private Dispatcher.Attempt attempt(Envelope envelope, MessageBody message) {
        return envelope.pending().isEmpty()
                ? Dispatcher.Attempt.NOTHING
                : dispatcher.attempt(envelope, message,
                        envelope.heloName() == null ? settings.hostname() : envelope.heloName());
    }

    /**
     * Ends an attempt: finished, deferred, failures reported, or put aside until a full destination has room (then
     * that destination is returned, else null). A message delivered from memory ({@code fresh}) that is not finished
     * gets its queue files first, as the active entry it is.
     */
    private NextHop conclude(Envelope envelope, Dispatcher.Attempt attempt, Spool.Accepted fresh)
            throws IOException {
        QueueId id = envelope.id();
        List<Recipient> retry = new ArrayList<>();
        List<Envelope.Failure> failed = new ArrayList<>();
        String lastError = null;
        for (Recipient r : envelope.pending()) {
            if (attempt.waiting().containsKey(r)) {
                continue;
            }
            Outcome o = attempt.outcomes().getOrDefault(r, Outcome.retry("no outcome reported"));
            LOG.logp(Level.INFO, SOURCE, "deliver",
                    () -> id + ": to=" + r + ", status=" + o.status().name().toLowerCase() + " (" + o.detail() + ")");
            if (o.status() == Outcome.Status.RETRY) {
                retry.add(r);
                lastError = o.detail();
            } else if (o.status() == Outcome.Status.FAILED) {
                failed.add(new Envelope.Failure(r, o.detail()));
            }
        }
        Instant now = Instant.now();
        if (!attempt.waiting().isEmpty()) {
            return waitForSlot(envelope, attempt.waiting(), retry, failed, fresh, now);
        }
        if (!retry.isEmpty() && now.isAfter(envelope.arrivedAt().plus(settings.queueLifetime()))) {
            for (Recipient r : retry) {
                failed.add(new Envelope.Failure(r, "4.4.7 message expired after "
                        + settings.queueLifetime().toDays() + " days in the queue; last error: " + lastError));
            }
            retry.clear();
        }
        Duration wait = new RetrySchedule(settings.retryMin(), settings.retryMax()).delayAfter(envelope.attempts() + 1);
        boolean slow = !retry.isEmpty() && now.isAfter(envelope.arrivedAt().plus(settings.slowAfter()));
        if (slow && wait.compareTo(settings.slowInterval()) < 0) {
            wait = settings.slowInterval();
        }
        Envelope next = envelope.afterAttempt(retry, failed, now.plus(wait), lastError);
        if (fresh != null) {
            if (retry.isEmpty() && next.failed().isEmpty()) {
                spool.finishFresh(fresh);
                LOG.logp(Level.INFO, SOURCE, "deliver", () -> id + ": removed");
                return null;
            }
            spool.materialize(fresh);
        }
        next = report(next, now);
        if (!retry.isEmpty()) {
            QueueName to = slow ? QueueName.SLOW : QueueName.DEFERRED;
            spool.release(next, to);
            due.get(to).put(id, next.nextAttemptAt());
            Envelope deferred = next;
            LOG.logp(Level.INFO, SOURCE, "deliver",
                    () -> id + ": " + to.name().toLowerCase() + " until " + deferred.nextAttemptAt());
        } else if (!next.failed().isEmpty()) {
            spool.release(next, QueueName.HOLD);
            LOG.severe(() -> id + ": held: the failure report could not be queued; nothing is lost, see the log");
        } else {
            spool.finish(id);
            LOG.logp(Level.INFO, SOURCE, "deliver", () -> id + ": removed");
        }
        return null;
    }

    /**
     * Puts back a message whose attempt found a destination full: its delivered recipients are done and its failures
     * reported; it waits in the incoming queue, holding no worker, until that destination gives a slot back
     * ({@link #slotFreed}). Recipients deferred in the same attempt are tried again with it; the attempt does not
     * count toward the retry schedule. Returns the destination, for {@link #park} once the worker is done.
     */
    private NextHop waitForSlot(Envelope envelope, Map<Recipient, NextHop> waiting, List<Recipient> retry,
            List<Envelope.Failure> failed, Spool.Accepted fresh, Instant now) throws IOException {
        QueueId id = envelope.id();
        Set<Recipient> keep = new java.util.HashSet<>(waiting.keySet());
        keep.addAll(retry);
        Envelope next = envelope.waiting(envelope.pending().stream().filter(keep::contains).toList(), failed);
        if (fresh != null) {
            spool.materialize(fresh);
        }
        next = report(next, now);
        NextHop hop = DestinationLimits.destination(waiting.values().iterator().next());
        parked.put(id, System.nanoTime()); // before it is visible in incoming: the scan leaves it alone
        spool.release(next, QueueName.INCOMING);
        LOG.logp(Level.INFO, SOURCE, "deliver",
                () -> id + ": " + waiting.size() + " recipient(s) wait for a free slot of "
                        + hop.transport() + (hop.host() == null ? "" : ":" + hop.host() + ":" + hop.port()));
        return hop;
    }

    /**
     * Registers a message put aside (after its worker let go of it, so that a wake-up finds it claimable) in its
     * destination's waiting line; if a slot came back meanwhile, it is started at once.
     */
    private void park(QueueId id, NextHop destination) {
        if (destination == null) {
            return;
        }
        waitingFor.computeIfAbsent(destination, h -> new ConcurrentLinkedQueue<>()).add(id);
        if (limits.hasRoom(destination)) {
            slotFreed(destination);
        }
    }

    /** A destination gave a slot back: the message that waited longest for it is started. */
    private void slotFreed(NextHop destination) {
        Queue<QueueId> waiting = waitingFor.get(destination);
        if (waiting == null) {
            return;
        }
        for (QueueId id = waiting.poll(); id != null; id = waiting.poll()) {
            if (parked.remove(id) != null) {
                fresh.add(id);
                signal();
                return;
            }
        }
    }

    /** Tells the sender about failures, and once about a long delay; what could not be reported stays. */
    private Envelope report(Envelope next, Instant now) {
        Envelope result = next;
        if (!result.failed().isEmpty()) {
            try {
                bouncer.reportFailures(result);
                result = result.failuresReported();
            } catch (IOException e) {
                LOG.log(Level.SEVERE, next.id() + ": could not queue the failure report: " + e.getMessage(), e);
            }
        }
        Duration warning = settings.delayWarning();
        if (!result.pending().isEmpty() && !result.delayWarned() && !warning.isZero() && !warning.isNegative()
                && now.isAfter(result.arrivedAt().plus(warning))) {
            try {
                bouncer.warnDelay(result);
                result = result.delayReported();
            } catch (IOException e) {
                LOG.log(Level.WARNING, next.id() + ": could not queue the delay warning: " + e.getMessage(), e);
            }
        }
        return result;
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
        try {
            spool.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "spool journal not closed cleanly: " + e.getMessage(), e);
        }
    }
}
