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
 * The spool on disk. Writes are crash-safe by construction: tmp file, fsync, atomic rename, fsync of the
 * directory. The envelope is renamed into a queue last, so an entry is visible only once its message is
 * durable.
 */
public final class Spool {
    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final String MESSAGE = ".eml";
    private static final String ENVELOPE = ".json";

    private final Path root;
    private final Path tmp;
    private final Path messages;
    private final Map<QueueName, Path> queues = new EnumMap<>(QueueName.class);

    /** Writes a message's bytes to the stream it is given. */
    @FunctionalInterface
    public interface MessageWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public Spool(Path root) throws IOException {
        this.root = root;
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.messages = Files.createDirectories(root.resolve("messages"));
        for (QueueName q : QueueName.values()) {
            queues.put(q, Files.createDirectories(root.resolve(q.directory())));
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Stores a new message in the incoming queue and returns once message and envelope are on disk. If the
     * writer fails, nothing becomes visible.
     */
    public void store(Envelope envelope, MessageWriter writer) throws IOException {
        QueueId id = envelope.id();
        Path tmpMessage = tmp.resolve(id.value() + MESSAGE);
        try {
            writeDurably(tmpMessage, writer);
            moveAtomically(tmpMessage, messagePath(id));
            fsyncDirectory(messages);
            writeEnvelope(envelope, QueueName.INCOMING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmpMessage);
            Files.deleteIfExists(messagePath(id));
            throw e;
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
        Files.deleteIfExists(envelopePath(QueueName.ACTIVE, id));
        fsyncDirectory(queues.get(QueueName.ACTIVE));
        Files.deleteIfExists(messagePath(id));
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
        fsyncDirectory(queues.get(to));
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
        fsyncDirectory(queues.get(from));
        Files.deleteIfExists(messagePath(id));
        Files.deleteIfExists(doomed);
        return true;
    }

    /** Writes an updated envelope into a queue and releases the active claim. */
    public void release(Envelope updated, QueueName to) throws IOException {
        writeEnvelope(updated, to);
        Files.deleteIfExists(envelopePath(QueueName.ACTIVE, updated.id()));
    }

    /**
     * Puts the spool back in order after a crash: active entries return to incoming (or are dropped when a
     * newer copy sits in another queue), and leftovers of writes that never completed are removed; none of
     * them was ever acknowledged to a client.
     *
     * @return how many entries returned to the incoming queue
     */
    public int recover() throws IOException {
        int returned = 0;
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

    private void writeEnvelope(Envelope envelope, QueueName queue) throws IOException {
        Path tmpEnvelope = tmp.resolve(envelope.id().value() + ENVELOPE);
        byte[] json = EnvelopeCodec.encode(envelope);
        writeDurably(tmpEnvelope, out -> out.write(json));
        moveAtomically(tmpEnvelope, envelopePath(queue, envelope.id()));
        fsyncDirectory(queues.get(queue));
    }

    private static void writeDurably(Path file, MessageWriter writer) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
            writer.writeTo(out);
            out.flush();
            ch.force(true);
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
