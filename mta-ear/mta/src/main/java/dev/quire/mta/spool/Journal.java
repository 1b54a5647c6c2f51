package dev.quire.mta.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * The spool's commit log, for group commit (ADR 0010). Each accepted message is appended as one record (envelope
 * and message) to the current segment under {@code journal/}; one thread writes whatever records are waiting and
 * makes them durable with one fdatasync, so that one fsync covers every session that was waiting for it. A
 * message depends on its record until it is finished or its own files were made durable (a checkpoint); then a
 * later record says so, and a segment whose messages all no longer depend on it is deleted. At start,
 * {@link #replay} hands back every message that still depends on the journal.
 */
final class Journal implements Closeable {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    static final byte ACCEPTED = 'A';
    static final byte FINISHED = 'F';
    static final byte CHECKPOINTED = 'C';
    private static final long SEGMENT_SIZE = 64L * 1024 * 1024;
    private static final int MAX_BATCH = 2048;

    private record Pending(byte type, QueueId id, byte[] envelope, byte[] message, CompletableFuture<Void> done,
            long seq) {
    }

    /** A message that still depends on the journal, as it was accepted. */
    record Replayed(QueueId id, byte[] envelope, byte[] message) {
    }

    private final Path dir;
    private final Runnable beforeRetire;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Releases, written with the next batch of accepted messages (or within the idle poll): they wake nobody. */
    private final java.util.Queue<Pending> releases = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<QueueId, Long> segmentOf = new ConcurrentHashMap<>();
    private final Map<Long, Set<QueueId>> live = new TreeMap<>();
    private final Thread committer;
    private volatile boolean running = true;
    private FileChannel current;
    private long currentSeq;
    private long currentSize;
    private final JournalStats stats = new JournalStats();
    private long loggedAt = System.nanoTime();
    private long loggedMessages;

    /**
     * Opens the journal with a new segment after any that exist (replay them first).
     *
     * @param beforeRetire makes the spool's directories durable, before a segment is deleted
     */
    Journal(Path dir, Runnable beforeRetire) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.beforeRetire = beforeRetire;
        currentSeq = segments(dir).keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        open(currentSeq);
        committer = new Thread(this::run, "quire-spool-journal");
        committer.setDaemon(true);
        committer.start();
    }

    /** True while the message's durability rests on its journal record. */
    boolean holds(QueueId id) {
        return segmentOf.containsKey(id);
    }

    /** The messages whose durability rests on the journal now. */
    Set<QueueId> held() {
        return Set.copyOf(segmentOf.keySet());
    }

    /** Appends an accepted message and returns once it is durable. */
    void commit(QueueId id, byte[] envelope, byte[] message) throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(ACCEPTED, id, envelope, message, done, 0));
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the journal", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * Records that a message no longer depends on the journal: finished, or its files made durable. Not waited for,
     * and written with the next batch of accepted messages or within the writer's idle poll (200 ms), so that a
     * release costs no thread wake-up: if it is lost in a crash the message is restored and delivered again (at
     * least once, never lost).
     */
    void release(QueueId id, byte type) {
        Long seq = segmentOf.remove(id);
        if (seq != null) {
            releases.add(new Pending(type, id, new byte[0], new byte[0], null, seq));
        }
    }

    /** How many messages each fsync covered so far, and what the fsyncs cost. */
    JournalStats stats() {
        return stats;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !releases.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                while (batch.size() < 2 * MAX_BATCH && !releases.isEmpty()) {
                    batch.add(releases.poll()); // the only consumer: not empty stays not empty
                }
                if (!batch.isEmpty()) {
                    write(batch);
                    batch.clear();
                }
                retire();
                logStats();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "spool journal write failed: " + e.getMessage(), e);
                batch.forEach(p -> {
                    if (p.done() != null) {
                        p.done().completeExceptionally(e);
                    }
                });
                batch.clear();
                try {
                    rotate();
                } catch (IOException again) {
                    LOG.log(Level.SEVERE, "cannot open a new journal segment: " + again.getMessage(), again);
                }
            }
        }
    }

    /** Every half minute with new messages, the running totals: how many messages one fsync covered. */
    private void logStats() {
        if (System.nanoTime() - loggedAt > 30_000_000_000L && stats.messages() != loggedMessages) {
            loggedAt = System.nanoTime();
            loggedMessages = stats.messages();
            LOG.info(() -> "spool journal: " + stats);
        }
    }

    private void write(List<Pending> batch) throws IOException {
        ByteBuffer[] records = new ByteBuffer[batch.size()];
        boolean durable = false;
        int accepted = 0;
        for (int i = 0; i < records.length; i++) {
            Pending p = batch.get(i);
            records[i] = encode(p);
            durable |= p.done() != null;
            accepted += p.type() == ACCEPTED ? 1 : 0;
        }
        long written = 0;
        while (hasRemaining(records)) {
            written += current.write(records);
        }
        currentSize += written;
        if (durable) {
            long t0 = System.nanoTime();
            current.force(false);
            stats.forced(accepted, System.nanoTime() - t0);
        }
        for (Pending p : batch) {
            if (p.type() == ACCEPTED) {
                segmentOf.put(p.id(), currentSeq);
                live.computeIfAbsent(currentSeq, s -> new HashSet<>()).add(p.id());
            } else if (live.containsKey(p.seq())) {
                live.get(p.seq()).remove(p.id());
            }
        }
        batch.forEach(p -> {
            if (p.done() != null) {
                p.done().complete(null);
            }
        });
        if (currentSize >= SEGMENT_SIZE) {
            rotate();
        }
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Deletes the old segments that no message depends on any more, after the spool's directories are durable. */
    private void retire() throws IOException {
        List<Long> done = live.entrySet().stream().filter(e -> e.getKey() != currentSeq && e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        if (done.isEmpty()) {
            return;
        }
        beforeRetire.run();
        for (Long seq : done) {
            Files.deleteIfExists(segment(dir, seq));
            live.remove(seq);
        }
        Spool.fsyncDirectory(dir);
    }

    private void rotate() throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
        }
        live.computeIfAbsent(currentSeq, s -> new HashSet<>());
        open(currentSeq + 1);
    }

    private void open(long seq) throws IOException {
        current = FileChannel.open(segment(dir, seq), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Spool.fsyncDirectory(dir);
        currentSeq = seq;
        currentSize = 0;
        live.computeIfAbsent(seq, s -> new HashSet<>());
    }

    /** A record: type, id, envelope and message, each with its length, then a CRC-32C of everything before it. */
    private static ByteBuffer encode(Pending p) {
        byte[] id = p.id().value().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(1 + 1 + id.length + 4 + p.envelope().length + 4 + p.message().length + 4);
        b.put(p.type()).put((byte) id.length).put(id);
        b.putInt(p.envelope().length).put(p.envelope());
        b.putInt(p.message().length).put(p.message());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    /**
     * Reads every segment, oldest first, and returns the messages whose last record says they were accepted and
     * nothing since; reading a segment stops at a record that is incomplete or damaged (a write that was never
     * made durable, so never acknowledged).
     *
     * @param finished receives the ids whose last record says they were finished
     */
    static List<Replayed> replay(Path dir, Set<QueueId> finished) throws IOException {
        Map<QueueId, byte[][]> accepted = new HashMap<>();
        for (Path segment : segments(dir).values()) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(segment));
            while (b.remaining() > 6) {
                int start = b.position();
                byte type = b.get();
                int idLength = b.get() & 0xff;
                if (b.remaining() < idLength + 4) {
                    break;
                }
                byte[] id = new byte[idLength];
                b.get(id);
                byte[] envelope = chunk(b);
                byte[] message = envelope == null ? null : chunk(b);
                if (message == null || b.remaining() < 4) {
                    break;
                }
                CRC32C crc = new CRC32C();
                crc.update(b.array(), start, b.position() - start);
                if (b.getInt() != (int) crc.getValue()) {
                    LOG.warning(() -> segment + ": damaged record at " + start + ", rest of the segment ignored");
                    break;
                }
                QueueId qid = new QueueId(new String(id, StandardCharsets.US_ASCII));
                if (type == ACCEPTED) {
                    accepted.put(qid, new byte[][]{envelope, message});
                    finished.remove(qid);
                } else {
                    accepted.remove(qid);
                    if (type == FINISHED) {
                        finished.add(qid);
                    }
                }
            }
        }
        List<Replayed> out = new ArrayList<>();
        accepted.forEach((id, parts) -> out.add(new Replayed(id, parts[0], parts[1])));
        out.sort((a, c) -> a.id().compareTo(c.id()));
        return out;
    }

    /** Deletes every segment (after a replay made their messages durable). */
    static void clear(Path dir) throws IOException {
        for (Path p : segments(dir).values()) {
            Files.delete(p);
        }
        Spool.fsyncDirectory(dir);
    }

    private static byte[] chunk(ByteBuffer b) {
        if (b.remaining() < 4) {
            return null;
        }
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            return null;
        }
        byte[] out = new byte[length];
        b.get(out);
        return out;
    }

    private static TreeMap<Long, Path> segments(Path dir) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.log")) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                try {
                    out.put(Long.parseLong(name.substring(0, name.length() - 4)), p);
                } catch (NumberFormatException e) {
                    LOG.warning(() -> p + ": not a journal segment, ignored");
                }
            }
        }
        return out;
    }

    private static Path segment(Path dir, long seq) {
        return dir.resolve(String.format("%016d.log", seq));
    }

    /** Stops the writer once every waiting record is written. */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.force(false);
        current.close();
        LOG.info(() -> "spool journal: " + stats);
    }
}
