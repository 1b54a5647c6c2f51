package dev.quire.mta.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;

class SpoolTest {
    private static final byte[] MESSAGE = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");
    private static final EmailAddress BOB = EmailAddress.parse("bob@example.test");

    @TempDir
    Path root;

    private Envelope store(Spool spool) throws IOException {
        Envelope e = Envelope.accepted(QueueId.next(), ALICE, List.of(Recipient.to(ALICE), Recipient.to(BOB)));
        spool.store(e, out -> out.write(MESSAGE));
        return e;
    }

    @Test
    void storedMessageIsInIncomingWithItsEnvelope() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        assertEquals(List.of(e.id()), spool.list(QueueName.INCOMING));
        assertArrayEquals(MESSAGE, Files.readAllBytes(spool.messagePath(e.id())));
        Envelope read = spool.read(QueueName.INCOMING, e.id());
        assertEquals(ALICE, read.sender());
        assertEquals(List.of(Recipient.to(ALICE), Recipient.to(BOB)), read.pending());
        assertEquals(0, Files.list(root.resolve("tmp")).count(), "nothing is left in tmp");
    }

    @Test
    void aFailedWriteLeavesNothingVisible() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = Envelope.accepted(QueueId.next(), null, List.of(Recipient.to(ALICE)));
        assertThrows(IOException.class, () -> spool.store(e, out -> {
            out.write(MESSAGE);
            throw new IOException("client went away");
        }));
        assertEquals(List.of(), spool.list(QueueName.INCOMING));
        assertFalse(Files.exists(spool.messagePath(e.id())));
        assertEquals(0, Files.list(root.resolve("tmp")).count());
    }

    @Test
    void claimMovesToActiveOnceOnly() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        assertTrue(spool.claim(QueueName.INCOMING, e.id()).isPresent());
        assertTrue(spool.claim(QueueName.INCOMING, e.id()).isEmpty(), "a second claimant gets nothing");
        assertEquals(List.of(e.id()), spool.list(QueueName.ACTIVE));
    }

    @Test
    void releaseToDeferredKeepsTheUpdatedEnvelope() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        Envelope claimed = spool.claim(QueueName.INCOMING, e.id()).orElseThrow();
        Instant next = Instant.now().plusSeconds(300);
        spool.release(claimed.afterAttempt(List.of(Recipient.to(BOB)), List.of(), next, "451 try later"),
                QueueName.DEFERRED);
        assertEquals(List.of(), spool.list(QueueName.ACTIVE));
        Envelope deferred = spool.read(QueueName.DEFERRED, e.id());
        assertEquals(List.of(Recipient.to(BOB)), deferred.pending());
        assertEquals(1, deferred.attempts());
        assertEquals(next, deferred.nextAttemptAt());
        assertEquals("451 try later", deferred.lastError());
    }

    @Test
    void finishRemovesEnvelopeAndMessage() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        spool.claim(QueueName.INCOMING, e.id());
        spool.finish(e.id());
        for (QueueName q : QueueName.values()) {
            assertEquals(0, spool.count(q), q + " is empty");
        }
        assertFalse(Files.exists(spool.messagePath(e.id())));
    }

    @Test
    void recoveryReturnsClaimedEntriesAndDropsUnfinishedWrites() throws IOException {
        Spool spool = new Spool(root);
        Envelope claimed = store(spool);
        spool.claim(QueueName.INCOMING, claimed.id());
        // a crash mid-write: a message file with no envelope, and a tmp leftover
        QueueId orphan = QueueId.next();
        Files.write(spool.messagePath(orphan), MESSAGE);
        Files.write(root.resolve("tmp").resolve(orphan.value() + ".json"), new byte[]{'{'});

        Spool restarted = new Spool(root);
        assertEquals(1, restarted.recover());
        assertEquals(List.of(claimed.id()), restarted.list(QueueName.INCOMING));
        assertEquals(List.of(), restarted.list(QueueName.ACTIVE));
        assertFalse(Files.exists(restarted.messagePath(orphan)), "a message never acknowledged is removed");
        assertTrue(Files.exists(restarted.messagePath(claimed.id())), "an acknowledged message is kept");
        assertEquals(0, Files.list(root.resolve("tmp")).count());
    }

    @Test
    void recoveryPrefersTheCopyThatWasAlreadyReleased() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        Envelope claimed = spool.claim(QueueName.INCOMING, e.id()).orElseThrow();
        // crash after the deferred copy was written but before the active one was removed
        Files.copy(root.resolve("active").resolve(e.id().value() + ".json"),
                root.resolve("deferred").resolve(e.id().value() + ".json"));
        assertEquals(0, new Spool(root).recover());
        assertEquals(List.of(claimed.id()), spool.list(QueueName.DEFERRED));
        assertEquals(List.of(), spool.list(QueueName.ACTIVE));
        assertEquals(List.of(), spool.list(QueueName.INCOMING));
    }

    @Test
    void anUnreadableEnvelopeGoesToCorruptNotAway() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        Files.writeString(root.resolve("incoming").resolve(e.id().value() + ".json"), "{not json");
        assertTrue(spool.claim(QueueName.INCOMING, e.id()).isEmpty());
        assertEquals(List.of(e.id()), spool.list(QueueName.CORRUPT));
        assertTrue(Files.exists(spool.messagePath(e.id())));
    }

    @Test
    void queueIdsAreOrderedByTimeAndSafeAsFileNames() {
        QueueId a = QueueId.next();
        QueueId b = QueueId.next();
        assertTrue(a.value().matches("[0-9A-Z]{8,32}"));
        assertFalse(a.equals(b));
        assertThrows(IllegalArgumentException.class, () -> new QueueId("../etc"));
        assertEquals(a, QueueId.fromFileName(a.value() + ".json").orElseThrow());
        assertTrue(QueueId.fromFileName("README").isEmpty());
    }
}
