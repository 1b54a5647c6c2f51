package dev.quire.mta.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The spool on disk. Writes are crash-safe by construction: an accepted message is durable before it is visible
 * in a queue, and the envelope is renamed into a queue last. A message up to the journal size is made durable by
 * the {@link Journal} (one fsync for every session waiting at that moment, ADR 0010) and its queue files are
 * written without fsync, since the journal can restore them; a larger one is written alone (tmp file, fsync,
 * atomic rename, fsync of the directory). A message leaves the journal's care when it is finished, or at its
 * first attempt after {@code checkpointAfter} (or on hold), when its own files are made durable.
 */
public final class Spool implements java.io.Closeable {
    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final String MESSAGE = ".eml";
    private static final String ENVELOPE = ".json";

    private final Path root;
    private final Path tmp;
    private final Path messages;
    private final Map<QueueName, Path> queues = new EnumMap<>(QueueName.class);
    private final Path journalDir;
    private final long journalMax;
    private final java.time.Duration checkpointAfter;
    private volatile Journal journal;
    private final Map<QueueId, Accepted> unqueued = new java.util.concurrent.ConcurrentHashMap<>();

    /** Writes a message's bytes to the stream it is given. */
    @FunctionalInterface
    public interface MessageWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A spool with the default journal settings: messages up to 1 MiB journaled, checkpointed after 60 s. */
    public Spool(Path root) throws IOException {
        this(root, 1024 * 1024, java.time.Duration.ofSeconds(60));
    }

    /**
     * @param journalMax messages up to this size go through the journal; 0 turns the journal off
     * @param checkpointAfter the age after which a message's own files are made durable at its next attempt
     */
    public Spool(Path root, long journalMax, java.time.Duration checkpointAfter) throws IOException {
        this.root = root;
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.messages = Files.createDirectories(root.resolve("messages"));
        for (QueueName q : QueueName.values()) {
            queues.put(q, Files.createDirectories(root.resolve(q.directory())));
        }
        this.journalDir = root.resolve("journal");
        this.journalMax = journalMax;
        this.checkpointAfter = checkpointAfter;
    }

    /** The journal, opened at the first write (after {@link #recover()} replayed what an earlier run left). */
    private synchronized Journal journal() throws IOException {
        if (journal == null) {
            journal = new Journal(journalDir, this::fsyncAllDirectories);
        }
        return journal;
    }

    /** How many messages each journal fsync covered since start; empty statistics when nothing was journaled. */
    public synchronized JournalStats journalStats() {
        return journal == null ? new JournalStats() : journal.stats();
    }

    private void fsyncAllDirectories() {
        try {
            fsyncDirectory(messages);
            for (Path q : queues.values()) {
                fsyncDirectory(q);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Stops the journal on a clean shutdown, after making the files of every message still depending on it
     * durable: a restart then finds them as they are (deliveries already made stay made) instead of restoring
     * them as accepted.
     */
    @Override
    public synchronized void close() throws IOException {
        Journal j = journal;
        if (j == null) {
            return;
        }
        List<QueueId> checkpointed = new ArrayList<>();
        for (QueueId id : j.held()) {
            Path envelope = null;
            for (QueueName q : QueueName.values()) {
                if (Files.exists(envelopePath(q, id))) {
                    envelope = envelopePath(q, id);
                }
            }
            try {
                if (envelope != null) {
                    force(messagePath(id));
                    force(envelope);
                    checkpointed.add(id);
                }
            } catch (IOException e) {
                LOG.warning(() -> id + ": stays in the journal: " + e.getMessage());
            }
        }
        fsyncAllDirectories();
        checkpointed.forEach(id -> j.release(id, Journal.CHECKPOINTED));
        j.close();
        journal = null;
    }

    /** Stops the journal writer without checkpointing (before a replay). */
    private synchronized void stopJournal() throws IOException {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * A message just accepted and durable. A journaled one (ADR 0043) has no queue files yet: its delivery may start
     * from memory, and its files are written only when it has to wait ({@link #enqueue}) or was not finished by its
     * first attempt ({@link #materialize}); if it is finished first ({@link #finishFresh}), it never touches the
     * queue directories. A larger message is already in the incoming queue when it is returned.
     */
    public static final class Accepted {
        private final Envelope envelope;
        private final byte[] json;
        private final byte[] bytes;
        private boolean queued;

        private Accepted(Envelope envelope, byte[] json, byte[] bytes, boolean queued) {
            this.envelope = envelope;
            this.json = json;
            this.bytes = bytes;
            this.queued = queued;
        }

        public QueueId id() {
            return envelope.id();
        }

        public Envelope envelope() {
            return envelope;
        }

        /** True while the message exists only in the journal and in memory. */
        public synchronized boolean unqueued() {
            return !queued;
        }

        /** The message as accepted, for a delivery that starts before its files exist. */
        public MessageBody body() {
            return MessageBody.of(bytes);
        }

        public long size() {
            return bytes == null ? 0 : bytes.length;
        }
    }

    /**
     * Stores a new message in the incoming queue and returns once it is durable (journal record, or message and
     * envelope fsynced). If the writer fails, nothing becomes visible.
     */
    public void store(Envelope envelope, MessageWriter writer) throws IOException {
        enqueue(accept(envelope, writer));
    }

    /**
     * Accepts a new message and returns once it is durable: a journal record (the message stays in memory, not yet in
     * a queue), or, for a message larger than the journal takes, its file and envelope fsynced in the incoming queue.
     * If the writer fails, nothing becomes visible.
     */
    public Accepted accept(Envelope envelope, MessageWriter writer) throws IOException {
        QueueId id = envelope.id();
        Path message = messagePath(id);
        try {
            Overflow buffer = new Overflow(journalMax, message);
            try (buffer) {
                writer.writeTo(buffer);
            }
            byte[] bytes = buffer.bytes();
            if (bytes != null) {
                byte[] json = EnvelopeCodec.encode(envelope);
                journal().commit(id, json, bytes);
                Accepted accepted = new Accepted(envelope, json, bytes, false);
                unqueued.put(id, accepted);
                return accepted;
            }
            buffer.force();
            fsyncDirectory(messages);
            writeEnvelope(envelope, QueueName.INCOMING, true);
            return new Accepted(envelope, null, null, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(message);
            throw e;
        }
    }

    /**
     * Writes the queue files of a message accepted into the journal, into the incoming queue (not fsynced: the
     * journal record makes it durable), for a message that has to wait for a delivery slot. Nothing to do for one
     * already queued. If the files cannot be written the journal record is released too, so that the client's 4xx
     * leaves nothing behind.
     */
    public void enqueue(Accepted accepted) throws IOException {
        queue(accepted, QueueName.INCOMING, true);
    }

    /**
     * Writes the queue files of a message delivered from memory whose first attempt did not finish it, as the
     * active entry it is (not fsynced: the journal record makes it durable); from then on it is released or
     * finished like any claimed entry. If the files cannot be written the message stays in the journal, which
     * restores it at the next start.
     */
    public void materialize(Accepted accepted) throws IOException {
        queue(accepted, QueueName.ACTIVE, false);
    }

    private void queue(Accepted accepted, QueueName queue, boolean releaseOnFailure) throws IOException {
        synchronized (accepted) {
            if (accepted.queued) {
                return;
            }
            QueueId id = accepted.id();
            try {
                write(messagePath(id), out -> out.write(accepted.bytes), false);
                writeEnvelope(id, accepted.json, queue, false);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(messagePath(id));
                if (releaseOnFailure) {
                    unqueued.remove(id);
                    journal.release(id, Journal.FINISHED);
                }
                throw e;
            }
            accepted.queued = true;
            unqueued.remove(id);
        }
    }

    /** Ends a message delivered from memory at its first attempt: it was never written outside the journal. */
    public void finishFresh(Accepted accepted) {
        synchronized (accepted) {
            if (accepted.queued) {
                throw new IllegalStateException(accepted.id() + " is queued: finish it as an active entry");
            }
            unqueued.remove(accepted.id());
            Journal j = journal;
            if (j != null) {
                j.release(accepted.id(), Journal.FINISHED);
            }
        }
    }

    /** The accepted messages that are being delivered from memory and have no queue files, for {@code mailq}. */
    public java.util.Collection<Accepted> unqueued() {
        return List.copyOf(unqueued.values());
    }

    /**
     * Keeps what a message writer writes in memory while it is no longer than the journal takes; past that, moves
     * it to the message file and writes the rest there.
     */
    private static final class Overflow extends OutputStream {
        private final long limit;
        private final Path file;
        private java.io.ByteArrayOutputStream memory = new java.io.ByteArrayOutputStream(8 * 1024);
        private OutputStream out;

        Overflow(long limit, Path file) throws IOException {
            this.limit = limit;
            this.file = file;
            if (limit <= 0) {
                spill(); // no journal: every message goes to its file
            }
        }

        private void spill() throws IOException {
            out = new java.io.BufferedOutputStream(Channels.newOutputStream(
                    FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), 64 * 1024);
            memory.writeTo(out);
            memory = null;
        }

        @Override
        public void write(int b) throws IOException {
            if (memory != null && memory.size() < limit) {
                memory.write(b);
            } else {
                write(new byte[]{(byte) b}, 0, 1);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (memory != null && memory.size() + (long) len <= limit) {
                memory.write(b, off, len);
                return;
            }
            if (out == null) {
                spill();
            }
            out.write(b, off, len);
        }

        /** The message's bytes, or null when it went to its file. */
        byte[] bytes() {
            return memory == null ? null : memory.toByteArray();
        }

        /** Makes the message file durable (after {@link #close}). */
        void force() throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }

    /** The message file of a queue entry. */
    public Path messagePath(QueueId id) {
        return messages.resolve(id.value() + MESSAGE);
    }

    /** The ids in one queue, oldest first. */
    public List<QueueId> list(QueueName queue) throws IOException {
        List<QueueId> ids = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(queues.get(queue), "*" + ENVELOPE)) {
            for (Path p : dir) {
                QueueId.fromFileName(p.getFileName().toString()).ifPresent(ids::add);
            }
        }
        ids.sort(null);
        return ids;
    }

    public int count(QueueName queue) throws IOException {
        return list(queue).size();
    }

    /** Reads an envelope without claiming it. */
    public Envelope read(QueueName queue, QueueId id) throws IOException {
        try (InputStream in = Files.newInputStream(envelopePath(queue, id))) {
            return EnvelopeCodec.decode(in);
        }
    }

    /**
     * Claims an entry for delivery by renaming it into the active queue. Empty when another claimant won or
     * the envelope is unreadable (then it is moved to the corrupt queue and logged).
     */
    public Optional<Envelope> claim(QueueName from, QueueId id) throws IOException {
        Path active = envelopePath(QueueName.ACTIVE, id);
        try {
            moveAtomically(envelopePath(from, id), active);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(active)) {
            return Optional.of(EnvelopeCodec.decode(in));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, id + ": envelope unreadable, moved to the corrupt queue: " + e.getMessage());
            moveAtomically(active, envelopePath(QueueName.CORRUPT, id));
            return Optional.empty();
        }
    }

    /** Ends an active entry that needs nothing more: its envelope and message go. */
    public void finish(QueueId id) throws IOException {
        boolean journaled = journaled(id);
        Files.deleteIfExists(envelopePath(QueueName.ACTIVE, id));
        if (journaled) {
            Files.deleteIfExists(messagePath(id));
            journal.release(id, Journal.FINISHED);
            return;
        }
        fsyncDirectory(queues.get(QueueName.ACTIVE));
        Files.deleteIfExists(messagePath(id));
    }

    private boolean journaled(QueueId id) {
        Journal j = journal;
        return j != null && j.holds(id);
    }

    /** Makes a journaled entry's own files durable, from then on it needs no journal record. */
    private void checkpoint(QueueId id, Path envelopeFile) throws IOException {
        try (FileChannel ch = FileChannel.open(messagePath(id), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        fsyncDirectory(messages);
        try (FileChannel ch = FileChannel.open(envelopeFile, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        fsyncDirectory(envelopeFile.getParent());
        journal.release(id, Journal.CHECKPOINTED);
    }

    /**
     * Moves an entry that is not being delivered from one queue to another (hold, release, requeue).
     *
     * @return false when the entry was not in {@code from} (moved or claimed meanwhile)
     */
    public boolean move(QueueName from, QueueId id, QueueName to) throws IOException {
        if (from == QueueName.ACTIVE || to == QueueName.ACTIVE) {
            throw new IllegalArgumentException("entries enter and leave the active queue only by claim and release");
        }
        try {
            moveAtomically(envelopePath(from, id), envelopePath(to, id));
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!journaled(id)) {
            fsyncDirectory(queues.get(to));
        } else if (to != QueueName.INCOMING) {
            // nothing claims from hold, deferred or slow behind an admin's back: safe to make it durable here
            checkpoint(id, envelopePath(to, id));
        }
        return true;
    }

    /**
     * Deletes an entry that is not being delivered, envelope first (so it vanishes from the queue at once),
     * then its message.
     *
     * @return false when the entry was not in {@code from}
     */
    public boolean delete(QueueName from, QueueId id) throws IOException {
        if (from == QueueName.ACTIVE) {
            throw new IllegalArgumentException("an active entry is finished by its delivery, not deleted");
        }
        Path doomed = tmp.resolve(id.value() + ".deleted");
        try {
            moveAtomically(envelopePath(from, id), doomed);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (journaled(id)) {
            journal.release(id, Journal.FINISHED);
        }
        fsyncDirectory(queues.get(from));
        Files.deleteIfExists(messagePath(id));
        Files.deleteIfExists(doomed);
        return true;
    }

    /** Writes an updated envelope into a queue and releases the active claim. */
    public void release(Envelope updated, QueueName to) throws IOException {
        QueueId id = updated.id();
        boolean journaled = journaled(id);
        boolean checkpoint = journaled && (to == QueueName.HOLD || to == QueueName.CORRUPT
                || java.time.Instant.now().isAfter(updated.arrivedAt().plus(checkpointAfter)));
        writeEnvelope(updated, to, !journaled);
        if (checkpoint) {
            checkpoint(id, envelopePath(to, id));
        }
        Files.deleteIfExists(envelopePath(QueueName.ACTIVE, id));
    }

    /**
     * Puts the spool back in order after a crash: active entries return to incoming (or are dropped when a
     * newer copy sits in another queue), and leftovers of writes that never completed are removed; none of
     * them was ever acknowledged to a client.
     *
     * @return how many entries returned to the incoming queue
     */
    public int recover() throws IOException {
        int returned = replayJournal();
        for (QueueId id : list(QueueName.ACTIVE)) {
            Path active = envelopePath(QueueName.ACTIVE, id);
            if (existsElsewhere(id)) {
                Files.delete(active);
            } else {
                moveAtomically(active, envelopePath(QueueName.INCOMING, id));
                returned++;
            }
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tmp)) {
            for (Path p : dir) {
                Files.deleteIfExists(p);
            }
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(messages, "*" + MESSAGE)) {
            for (Path p : dir) {
                Optional<QueueId> id = QueueId.fromFileName(p.getFileName().toString());
                if (id.isPresent() && !existsAnywhere(id.get())) {
                    LOG.info(() -> id.get() + ": removing message file of a write that never completed");
                    Files.delete(p);
                }
            }
        }
        fsyncDirectory(queues.get(QueueName.INCOMING));
        return returned;
    }

    /**
     * Restores every message that still depended on the journal, as it was accepted, into the incoming queue
     * (whatever its files looked like: they were never made durable), removes what was finished, and clears the
     * journal.
     */
    private int replayJournal() throws IOException {
        stopJournal();
        if (!Files.isDirectory(journalDir)) {
            return 0;
        }
        java.util.Set<QueueId> finished = new java.util.HashSet<>();
        List<Journal.Replayed> restore = Journal.replay(journalDir, finished);
        for (QueueId id : finished) {
            removeEverywhere(id);
        }
        for (Journal.Replayed r : restore) {
            removeEverywhere(r.id());
            Path tmpMessage = tmp.resolve(r.id().value() + MESSAGE);
            write(tmpMessage, out -> out.write(r.message()), true);
            moveAtomically(tmpMessage, messagePath(r.id()));
            Path tmpEnvelope = tmp.resolve(r.id().value() + ENVELOPE);
            write(tmpEnvelope, out -> out.write(r.envelope()), true);
            moveAtomically(tmpEnvelope, envelopePath(QueueName.INCOMING, r.id()));
            LOG.info(() -> r.id() + ": restored from the spool journal");
        }
        fsyncAllDirectories();
        Journal.clear(journalDir);
        return restore.size();
    }

    private void removeEverywhere(QueueId id) throws IOException {
        for (QueueName q : QueueName.values()) {
            Files.deleteIfExists(envelopePath(q, id));
        }
        Files.deleteIfExists(messagePath(id));
        // a write the crash interrupted (after the journal record, before the rename)
        Files.deleteIfExists(tmp.resolve(id.value() + MESSAGE));
        Files.deleteIfExists(tmp.resolve(id.value() + ENVELOPE));
    }

    private boolean existsElsewhere(QueueId id) {
        return queues.keySet().stream()
                .filter(q -> q != QueueName.ACTIVE)
                .anyMatch(q -> Files.exists(envelopePath(q, id)));
    }

    private boolean existsAnywhere(QueueId id) {
        return queues.keySet().stream().anyMatch(q -> Files.exists(envelopePath(q, id)));
    }

    private Path envelopePath(QueueName queue, QueueId id) {
        return queues.get(queue).resolve(id.value() + ENVELOPE);
    }

    private void writeEnvelope(Envelope envelope, QueueName queue, boolean durable) throws IOException {
        writeEnvelope(envelope.id(), EnvelopeCodec.encode(envelope), queue, durable);
    }

    /** Writes an envelope already encoded (the journal's copy of it, so that it is encoded once). */
    private void writeEnvelope(QueueId id, byte[] json, QueueName queue, boolean durable) throws IOException {
        Path tmpEnvelope = tmp.resolve(id.value() + ENVELOPE);
        write(tmpEnvelope, out -> out.write(json), durable);
        moveAtomically(tmpEnvelope, envelopePath(queue, id));
        if (durable) {
            fsyncDirectory(queues.get(queue));
        }
    }

    /** Writes a new file, fsynced when asked; returns its size. */
    private static long write(Path file, MessageWriter writer, boolean durable) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
            writer.writeTo(out);
            out.flush();
            if (durable) {
                ch.force(true);
            }
            return ch.size();
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("spool directories must be on one file system: " + e.getMessage(), e);
        }
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
