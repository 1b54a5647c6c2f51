package dev.quire.mta.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.MessageBody;

/**
 * Connection reuse against Postfix's smtp-sink, counted the way a user would: the sink's own session and message
 * counters ({@code smtp-sink -c}).
 */
class ConnectionCacheTest {
    private static final EmailAddress TO = EmailAddress.parse("someone@remote.test");

    @TempDir
    Path dir;

    private Path message;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(CountingSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        message = Files.writeString(dir.resolve("m.eml"), "Subject: reuse\r\n\r\nhello\r\n");
    }

    private Outcome.Status send(SmtpTransactionAgent agent) {
        Envelope e = Envelope.accepted(QueueId.next(), EmailAddress.parse("list-bounces@lists.test"),
                List.of(Recipient.to(TO)));
        Outcome o = agent.deliver(e, MessageBody.of(message), List.of(TO)).get(TO);
        if (o.status() != Outcome.Status.DELIVERED) {
            System.out.println("not delivered: " + o.detail());
        }
        return o.status();
    }

    @Test
    void messagesToOneNextHopShareSessionsUpToTheReuseCount() throws Exception {
        try (CountingSink sink = CountingSink.start(dir.resolve("sink"), CountingSink.freePort())) {
            ConnectionCache cache = new ConnectionCache(Duration.ofSeconds(30), Duration.ofMinutes(5), 3);
            SmtpTransactionAgent agent = new SmtpTransactionAgent("127.0.0.1", sink.port(), false, "mx.quire.test",
                    cache);
            for (int i = 0; i < 7; i++) {
                assertEquals(Outcome.Status.DELIVERED, send(agent), "message " + i);
            }
            cache.close();
            sink.awaitSessions(1 + 3);
            assertEquals(7, sink.messages());
            assertEquals(3, sink.sessions(), "3 + 3 + 1 messages over 3 sessions");
        }
    }

    @Test
    void withoutACacheEveryMessageHasItsOwnSession() throws Exception {
        try (CountingSink sink = CountingSink.start(dir.resolve("sink"), CountingSink.freePort())) {
            SmtpTransactionAgent agent = new SmtpTransactionAgent("127.0.0.1", sink.port(), false, "mx.quire.test");
            for (int i = 0; i < 3; i++) {
                assertEquals(Outcome.Status.DELIVERED, send(agent));
            }
            sink.awaitSessions(1 + 3);
            assertEquals(3, sink.sessions());
        }
    }

    @Test
    void anIdleSessionIsClosedAfterTheIdleTime() throws Exception {
        try (CountingSink sink = CountingSink.start(dir.resolve("sink"), CountingSink.freePort())) {
            ConnectionCache cache = new ConnectionCache(Duration.ofMillis(200), Duration.ofMinutes(5), 100);
            SmtpTransactionAgent agent = new SmtpTransactionAgent("127.0.0.1", sink.port(), false, "mx.quire.test",
                    cache);
            assertEquals(Outcome.Status.DELIVERED, send(agent));
            sink.awaitSessions(1 + 1);
            assertEquals(1, sink.sessions(), "closed by the cache once idle, without another message");
            assertEquals(Outcome.Status.DELIVERED, send(agent));
            cache.close();
            sink.awaitSessions(1 + 2);
            assertEquals(2, sink.sessions());
        }
    }

    @Test
    void aHostThatCouldNotBeReachedIsNotTriedAgainForTheDeadTimeUnlessForgotten() throws Exception {
        int port = CountingSink.freePort(); // nothing listens yet: connection refused
        ConnectionCache cache = new ConnectionCache(Duration.ZERO, Duration.ZERO, 0, Duration.ofHours(1),
                Duration.ofSeconds(5));
        SmtpTransactionAgent agent = new SmtpTransactionAgent("127.0.0.1", port, false, "mx.quire.test", cache);
        Envelope e = Envelope.accepted(QueueId.next(), null, List.of(Recipient.to(TO)));
        SmtpTransactionAgent.Attempt refused = agent.attempt(e, MessageBody.of(message), List.of(TO));
        assertFalse(refused.answered());
        assertTrue(refused.outcomes().get(TO).detail().contains("connect to"), refused.outcomes().get(TO).detail());
        try (CountingSink sink = CountingSink.start(dir.resolve("sink"), port)) {
            SmtpTransactionAgent.Attempt suspended = agent.attempt(e, MessageBody.of(message), List.of(TO));
            assertEquals(Outcome.Status.RETRY, suspended.outcomes().get(TO).status());
            assertTrue(suspended.outcomes().get(TO).detail().contains("delivery temporarily suspended: connect to"),
                    suspended.outcomes().get(TO).detail());
            cache.forgetUnreachable(); // quire flush
            assertEquals(Outcome.Status.DELIVERED, send(agent));
            sink.awaitSessions(1 + 1);
            assertEquals(1, sink.sessions(), "the suspended attempt never connected");
            assertEquals(1, sink.messages());
        }
    }

    @Test
    void aSessionThePeerDroppedWhileItWaitedIsReplacedAndTheMessageStillGoes() throws Exception {
        int port = CountingSink.freePort();
        ConnectionCache cache = new ConnectionCache(Duration.ofSeconds(30), Duration.ofMinutes(5), 100);
        SmtpTransactionAgent agent = new SmtpTransactionAgent("127.0.0.1", port, false, "mx.quire.test", cache);
        try (CountingSink first = CountingSink.start(dir.resolve("first"), port)) {
            assertEquals(Outcome.Status.DELIVERED, send(agent));
        }
        try (CountingSink second = CountingSink.start(dir.resolve("second"), port)) {
            Outcome.Status s = send(agent);
            assertEquals(Outcome.Status.DELIVERED, s, "the dead cached session fails its RSET; a new one is opened");
            cache.close();
            second.awaitSessions(1 + 1);
            assertEquals(1, second.messages());
            assertTrue(second.sessions() >= 1);
        }
    }
}
