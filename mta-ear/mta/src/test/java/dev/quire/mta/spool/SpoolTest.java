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
import java.time.Duration;
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
        Spool spool = new Spool(root, 0, Duration.ZERO); // not journaled: its own files are what counts
        Envelope e = store(spool);
        Envelope claimed = spool.claim(QueueName.INCOMING, e.id()).orElseThrow();
        // crash after the deferred copy was written but before the active one was removed
        Files.copy(root.resolve("active").resolve(e.id().value() + ".json"),
                root.resolve("deferred").resolve(e.id().value() + ".json"));
        assertEquals(0, new Spool(root, 0, Duration.ZERO).recover());
        assertEquals(List.of(claimed.id()), spool.list(QueueName.DEFERRED));
        assertEquals(List.of(), spool.list(QueueName.ACTIVE));
        assertEquals(List.of(), spool.list(QueueName.INCOMING));
    }

    @Test
    void aJournaledMessageWhoseFilesWereNeverMadeDurableIsRestoredAfterACrash() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        Envelope claimed = spool.claim(QueueName.INCOMING, e.id()).orElseThrow();
        spool.release(claimed.afterAttempt(List.of(Recipient.to(BOB)), List.of(), Instant.now(), "451 later"),
                QueueName.DEFERRED);
        // the crash took the files the journal stood in for
        Files.delete(spool.messagePath(e.id()));
        Files.delete(root.resolve("deferred").resolve(e.id().value() + ".json"));

        Spool restarted = new Spool(root);
        assertEquals(1, restarted.recover());
        assertEquals(List.of(e.id()), restarted.list(QueueName.INCOMING));
        assertEquals(List.of(), restarted.list(QueueName.DEFERRED));
        assertArrayEquals(MESSAGE, Files.readAllBytes(restarted.messagePath(e.id())));
        assertEquals(List.of(Recipient.to(ALICE), Recipient.to(BOB)), restarted.read(QueueName.INCOMING, e.id())
                .pending(), "restored as accepted: delivery may repeat, never skip");
        try (var segments = Files.list(root.resolve("journal"))) {
            assertEquals(0, segments.count(), "the journal is cleared once its messages are durable again");
        }
    }

    @Test
    void aFinishedJournaledMessageStaysFinishedAfterARestart() throws IOException {
        Spool spool = new Spool(root);
        Envelope done = store(spool);
        Envelope waiting = store(spool);
        spool.claim(QueueName.INCOMING, done.id());
        spool.finish(done.id());
        spool.close();

        Spool restarted = new Spool(root);
        assertEquals(0, restarted.recover(), "a clean stop made the waiting one's own files durable");
        assertEquals(List.of(waiting.id()), restarted.list(QueueName.INCOMING));
        assertFalse(Files.exists(restarted.messagePath(done.id())));
    }

    @Test
    void aTornRecordAtTheEndOfTheJournalIsIgnored() throws IOException {
        Spool spool = new Spool(root);
        Envelope first = store(spool);
        Envelope second = store(spool);
        // no clean stop: a crash, the journal records are all there is
        Path segment;
        try (var segments = Files.list(root.resolve("journal"))) {
            segment = segments.sorted().reduce((a, b) -> b).orElseThrow();
        }
        // a write that never completed, so never acknowledged: a record head and half its envelope
        Files.write(segment, new byte[]{'A', 15, 'M', 'W', 'Q', '2', 'W', '8', 'Y', '6', '7', '2', 'T', 'F', 'D', '8',
                'C', 0, 0, 1, 0, '{'}, java.nio.file.StandardOpenOption.APPEND);
        for (Envelope e : List.of(first, second)) {
            Files.delete(spool.messagePath(e.id()));
            Files.delete(root.resolve("incoming").resolve(e.id().value() + ".json"));
        }
        // the crash also cut off a write between the journal record and the rename
        Files.write(root.resolve("tmp").resolve(first.id().value() + ".eml"), new byte[]{'S'});
        Spool restarted = new Spool(root);
        assertEquals(2, restarted.recover());
        assertEquals(List.of(first.id(), second.id()).stream().sorted().toList(),
                restarted.list(QueueName.INCOMING));
    }

    @Test
    void aCleanStopMakesWaitingMessagesDurableSoNothingIsDeliveredTwice() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        Envelope claimed = spool.claim(QueueName.INCOMING, e.id()).orElseThrow();
        spool.release(claimed.afterAttempt(List.of(Recipient.to(BOB)), List.of(), Instant.now(), "451 later"),
                QueueName.DEFERRED);
        spool.close();
        Spool restarted = new Spool(root);
        assertEquals(0, restarted.recover());
        assertEquals(List.of(Recipient.to(BOB)), restarted.read(QueueName.DEFERRED, e.id()).pending(),
                "alice, already delivered, is not restored");
    }

    @Test
    void heldMessagesAreMadeDurableAndLeaveTheJournal() throws IOException {
        Spool spool = new Spool(root);
        Envelope e = store(spool);
        assertTrue(spool.move(QueueName.INCOMING, e.id(), QueueName.HOLD));
        spool.close();
        Spool restarted = new Spool(root);
        assertEquals(0, restarted.recover(), "nothing to restore: the held entry's own files are durable");
        assertEquals(List.of(e.id()), restarted.list(QueueName.HOLD));
    }

    @Test
    void largeMessagesBypassTheJournal() throws IOException {
        Spool spool = new Spool(root, MESSAGE.length - 1, Duration.ofSeconds(60));
        Envelope e = store(spool);
        assertEquals(0, spool.journalStats().messages());
        assertEquals(List.of(e.id()), spool.list(QueueName.INCOMING));
        Spool small = new Spool(root.resolve("other"));
        store(small);
        store(small);
        assertEquals(2, small.journalStats().messages());
        assertTrue(small.journalStats().fsyncs() >= 1 && small.journalStats().fsyncs() <= 2);
    }

    private Spool.Accepted accept(Spool spool) throws IOException {
        return spool.accept(Envelope.accepted(QueueId.next(), ALICE, List.of(Recipient.to(ALICE), Recipient.to(BOB))),
                out -> out.write(MESSAGE));
    }

    private long files(String dir) throws IOException {
        try (var listing = Files.list(root.resolve(dir))) {
            return listing.count();
        }
    }

    @Test
    void aMessageFinishedAtItsFirstAttemptNeverTouchesTheQueueDirectories() throws IOException {
        Spool spool = new Spool(root);
        Spool.Accepted a = accept(spool);
        assertTrue(a.unqueued());
        assertArrayEquals(MESSAGE, a.body().open().readAllBytes());
        assertEquals(List.of(a.id()), spool.unqueued().stream().map(Spool.Accepted::id).toList());
        assertEquals(0, files("messages") + files("incoming") + files("active") + files("tmp"));

        spool.finishFresh(a);
        assertEquals(List.of(), spool.unqueued());
        spool.close();
        assertEquals(0, new Spool(root).recover(), "finished: nothing to restore");
        assertEquals(0, files("messages") + files("incoming"));
    }

    @Test
    void aMessageAcceptedInMemoryIsRestoredAfterACrash() throws IOException {
        Spool spool = new Spool(root);
        Spool.Accepted a = accept(spool);
        // no stop, no files: the journal record is all there is
        Spool restarted = new Spool(root);
        assertEquals(1, restarted.recover());
        assertEquals(List.of(a.id()), restarted.list(QueueName.INCOMING));
        assertArrayEquals(MESSAGE, Files.readAllBytes(restarted.messagePath(a.id())));
    }

    @Test
    void aCleanStopDuringAFirstAttemptLeavesTheMessageToTheJournal() throws IOException {
        Spool spool = new Spool(root);
        Spool.Accepted a = accept(spool);
        spool.close();
        Spool restarted = new Spool(root);
        assertEquals(1, restarted.recover(), "restored from the journal, as accepted");
        assertEquals(List.of(a.id()), restarted.list(QueueName.INCOMING));
    }

    @Test
    void aMessageThatWaitsForASlotIsWrittenIntoIncoming() throws IOException {
        Spool spool = new Spool(root);
        Spool.Accepted a = accept(spool);
        spool.enqueue(a);
        spool.enqueue(a); // idempotent
        assertFalse(a.unqueued());
        assertEquals(List.of(), spool.unqueued());
        assertEquals(List.of(a.id()), spool.list(QueueName.INCOMING));
        assertArrayEquals(MESSAGE, Files.readAllBytes(spool.messagePath(a.id())));
        assertEquals(0, files("tmp"));
        assertThrows(IllegalStateException.class, () -> spool.finishFresh(a), "a queued entry is finished as such");
    }

    @Test
    void aFirstAttemptThatDidNotFinishBecomesAnActiveEntryAndIsDeferredAsUsual() throws IOException {
        Spool spool = new Spool(root);
        Spool.Accepted a = accept(spool);
        spool.materialize(a);
        assertEquals(List.of(a.id()), spool.list(QueueName.ACTIVE));
        spool.release(a.envelope().afterAttempt(List.of(Recipient.to(BOB)), List.of(), Instant.now(), "451 later"),
                QueueName.DEFERRED);
        assertEquals(List.of(Recipient.to(BOB)), spool.read(QueueName.DEFERRED, a.id()).pending());
        assertEquals(List.of(), spool.list(QueueName.ACTIVE));
        // a crash now restores it as accepted (its files were never made durable): at least once, never lost
        Spool restarted = new Spool(root);
        assertEquals(1, restarted.recover());
        assertEquals(List.of(a.id()), restarted.list(QueueName.INCOMING));
    }

    @Test
    void aLargeMessageIsQueuedAtOnce() throws IOException {
        Spool spool = new Spool(root, MESSAGE.length - 1, Duration.ofSeconds(60));
        Spool.Accepted a = accept(spool);
        assertFalse(a.unqueued());
        assertEquals(List.of(a.id()), spool.list(QueueName.INCOMING));
        assertArrayEquals(MESSAGE, Files.readAllBytes(spool.messagePath(a.id())));
    }

    @Test
    void aMessageWrittenByteByByteIsKeptWholeOnEitherSideOfTheJournalLimit() throws IOException {
        for (long limit : new long[]{MESSAGE.length, MESSAGE.length - 1}) {
            Spool spool = new Spool(root.resolve("limit-" + limit), limit, Duration.ofSeconds(60));
            Spool.Accepted a = spool.accept(Envelope.accepted(QueueId.next(), ALICE, List.of(Recipient.to(BOB))),
                    out -> {
                        for (byte b : MESSAGE) {
                            out.write(b);
                        }
                    });
            if (limit == MESSAGE.length) {
                assertTrue(a.unqueued(), "within the limit: in memory, journaled");
                assertArrayEquals(MESSAGE, a.body().open().readAllBytes());
            } else {
                assertFalse(a.unqueued(), "one octet over: written to its file and queued");
                assertArrayEquals(MESSAGE, Files.readAllBytes(spool.messagePath(a.id())));
            }
        }
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
