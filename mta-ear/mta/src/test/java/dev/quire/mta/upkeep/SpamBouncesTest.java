package dev.quire.mta.upkeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.quire.mta.bounce.DsnComposer;
import dev.quire.mta.bounce.DsnRecipient;
import dev.quire.mta.bounce.Ret;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.QueueName;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.Spool;

/**
 * Notifications written by the real {@link DsnComposer} into a real spool: those about spam go, whatever queue
 * they wait in, and everything else stays.
 */
class SpamBouncesTest {
    private static final String HOST = "mx.quire.test";
    private static final EmailAddress FORGED = EmailAddress.parse("victim@forged.example");
    private static final EmailAddress GONE = EmailAddress.parse("nobody@remote.example");

    @TempDir
    Path root;

    @Test
    void notificationsOfSpamAreRemovedAndEverythingElseStays() throws IOException {
        Spool spool = new Spool(root.resolve("spool"));
        QueueId scored = notification(spool, "X-Spam-Score: 8.3\r\nX-Spam-Report: \r\n\tBAYES_99\r\n", Ret.HDRS,
                QueueName.DEFERRED);
        QueueId flagged = notification(spool, "X-Spam-Flag: YES\r\n", Ret.FULL, QueueName.SLOW);
        QueueId waiting = notification(spool, "X-Spam-Score: 12.0\r\n", null, QueueName.INCOMING);
        QueueId atThreshold = notification(spool, "X-Spam-Score: 5.0\r\n", Ret.FULL, QueueName.DEFERRED);
        QueueId ham = notification(spool, "X-Spam-Score: 1.2\r\n", Ret.FULL, QueueName.DEFERRED);
        QueueId unscored = notification(spool, "", Ret.FULL, QueueName.DEFERRED);
        QueueId held = notification(spool, "X-Spam-Score: 9.9\r\n", Ret.FULL, QueueName.HOLD);
        QueueId spamItself = message(spool, FORGED, ("X-Spam-Score: 9.9\r\nSubject: cheap\r\n\r\nbuy\r\n"),
                QueueName.DEFERRED);
        QueueId otherMta = nullSender(spool,
                new DsnComposer("relay.elsewhere.example", "MAILER-DAEMON@elsewhere.example"),
                "X-Spam-Score: 9.9\r\n", Ret.FULL, QueueName.DEFERRED);

        SpamBounces.Sweep sweep = new SpamBounces(spool, HOST, 5.0).sweep();

        assertEquals(6, sweep.notifications(), "this MTA's notifications waiting in deferred, slow and incoming");
        assertEquals(4, sweep.removed());
        assertEquals(List.of(ham, unscored), spool.list(QueueName.DEFERRED).stream()
                .filter(id -> !id.equals(spamItself) && !id.equals(otherMta)).sorted().toList());
        assertTrue(spool.list(QueueName.DEFERRED).containsAll(List.of(spamItself, otherMta)),
                "mail that is not our notification is never touched");
        assertEquals(List.of(), spool.list(QueueName.SLOW));
        assertEquals(List.of(), spool.list(QueueName.INCOMING));
        assertEquals(List.of(held), spool.list(QueueName.HOLD), "held mail stays for its admin");
        for (QueueId gone : List.of(scored, flagged, waiting, atThreshold)) {
            assertTrue(Files.notExists(spool.messagePath(gone)), "the removed notification's message is gone too");
        }
        assertEquals(new SpamBounces.Sweep(2, 0), new SpamBounces(spool, HOST, 5.0).sweep(),
                "a second sweep removes nothing");
    }

    private QueueId notification(Spool spool, String spamFields, Ret ret, QueueName queue) throws IOException {
        return nullSender(spool, new DsnComposer(HOST, "MAILER-DAEMON@" + HOST), spamFields, ret, queue);
    }

    /** A notification about an original that carried the given fields, composed as the Bouncer does. */
    private QueueId nullSender(Spool spool, DsnComposer composer, String spamFields, Ret ret, QueueName queue)
            throws IOException {
        Path original = Files.createTempFile(root, "original", ".eml");
        Files.writeString(original, "Received: from [192.0.2.7] by " + HOST + "\r\n" + spamFields
                + "From: <" + FORGED.mailbox() + ">\r\nTo: <" + GONE.mailbox() + ">\r\nSubject: offer\r\n\r\n"
                + "--\r\nX-Spam-Flag: NO\r\n\r\nbody\r\n", StandardCharsets.US_ASCII);
        byte[] dsn = composer.compose(QueueId.next(), FORGED, Instant.now(), null, ret,
                List.of(DsnRecipient.failed(GONE, "5.1.1", "550 5.1.1 no such user", null, Instant.now())), original);
        return message(spool, null, new String(dsn, StandardCharsets.ISO_8859_1), queue);
    }

    private static QueueId message(Spool spool, EmailAddress sender, String text, QueueName queue) throws IOException {
        QueueId id = QueueId.next();
        spool.store(Envelope.accepted(id, sender, List.of(Recipient.to(FORGED))),
                out -> out.write(text.getBytes(StandardCharsets.ISO_8859_1)));
        if (queue != QueueName.INCOMING) {
            assertTrue(spool.move(QueueName.INCOMING, id, queue));
        }
        return id;
    }
}
