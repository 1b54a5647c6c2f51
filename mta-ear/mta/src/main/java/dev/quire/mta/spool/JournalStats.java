package dev.quire.mta.spool;

import java.util.concurrent.atomic.AtomicLong;

/** What the journal's fsyncs did: how many there were, how many messages they covered, and their time. */
public final class JournalStats {
    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    void forced(int accepted, long tookNanos) {
        fsyncs.incrementAndGet();
        messages.addAndGet(accepted);
        nanos.addAndGet(tookNanos);
    }

    public long fsyncs() {
        return fsyncs.get();
    }

    public long messages() {
        return messages.get();
    }

    /** Messages made durable per fsync, on average. */
    public double messagesPerFsync() {
        long f = fsyncs.get();
        return f == 0 ? 0 : (double) messages.get() / f;
    }

    /** The mean time of one fsync, in milliseconds. */
    public double meanFsyncMillis() {
        long f = fsyncs.get();
        return f == 0 ? 0 : nanos.get() / 1e6 / f;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%d messages in %d fsyncs (%.1f per fsync), %.2f ms per fsync, %.3f ms of fsync per message",
                messages(), fsyncs(), messagesPerFsync(), meanFsyncMillis(),
                messages() == 0 ? 0 : nanos.get() / 1e6 / messages());
    }
}
