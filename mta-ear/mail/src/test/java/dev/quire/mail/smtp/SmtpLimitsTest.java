package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpLimitsTest {

    private final RecordingHandlerFactory handlers = new RecordingHandlerFactory();
    private SmtpServer server;

    private int start(UnaryOperator<SmtpServerConfig.Builder> settings) throws IOException {
        server = TestServers.start(handlers, settings);
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void commandLineOver512OctetsIsRefusedAndDiscarded() throws IOException {
        try (Wire wire = Wire.open(start(b -> b))) {
            String longest = "NOOP " + "x".repeat(512 - 2 - 5);
            assertEquals("250 2.0.0 Ok", wire.command(longest));
            assertEquals("500 5.5.6 Error: line too long", wire.command(longest + "x"));
            assertEquals("500 5.5.6 Error: line too long", wire.command("MAIL FROM:<" + "a".repeat(600) + ">"));
            assertEquals("250 2.0.0 Ok", wire.command("NOOP"), "the session continues after the long line");
        }
    }

    @Test
    void recipientsPastTheLimitGet452() throws IOException {
        try (Wire wire = Wire.open(start(b -> b))) {
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<a@example.org>");
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= 1001; i++) {
                batch.append("RCPT TO:<r").append(i).append("@example.org>\r\n");
            }
            wire.send(batch.toString());
            for (int i = 1; i <= 1000; i++) {
                assertEquals("250 2.1.5 Ok", wire.reply(), "recipient " + i);
            }
            assertEquals("452 4.5.3 Error: too many recipients", wire.reply());
        }
    }

    @Test
    void declaredSizeOverTheLimitGets552() throws IOException {
        try (Wire wire = Wire.open(start(b -> b.maxMessageSize(1000)))) {
            wire.command("EHLO client.example");
            assertEquals("552 5.3.4 Message size exceeds fixed maximum message size",
                    wire.command("MAIL FROM:<a@example.org> SIZE=1001"));
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org> SIZE=1000"));
        }
    }

    @Test
    void dataOverTheLimitIsReadToTheEndThenRejected() throws Exception {
        try (Wire wire = Wire.open(start(b -> b.maxMessageSize(100)))) {
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<a@example.org>");
            wire.command("RCPT TO:<b@example.org>");
            wire.command("DATA");
            wire.send(("y".repeat(60) + "\r\n").repeat(50) + ".\r\n");
            assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", wire.reply());
            assertEquals("250 2.0.0 Ok", wire.command("NOOP"));
        }
        assertEquals(DotTerminatedInputStream.TOO_BIG, handlers.nextDelivery().rejection());
    }

    @Test
    void textLineOver1000OctetsIsRejected() throws Exception {
        try (Wire wire = Wire.open(start(b -> b))) {
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<a@example.org>");
            wire.command("RCPT TO:<b@example.org>");
            wire.command("DATA");
            assertEquals("554 5.6.0 Line too long", wire.send("z".repeat(999) + "\r\n.\r\n").reply());
        }
    }

    @Test
    void connectionsPastTheLimitGet421() throws IOException {
        int port = start(b -> b.maxConnections(2));
        try (Wire first = Wire.open(port); Wire second = Wire.open(port); Wire third = new Wire(port)) {
            assertEquals("421 4.7.0 too many connections", third.reply());
            assertTrue(third.closedByServer());
            assertEquals("250 2.0.0 Ok", first.command("NOOP"));
            assertEquals("221 2.0.0 Bye", second.command("QUIT"));
        }
    }

    @Test
    void idleSessionTimesOutWith421() throws IOException {
        try (Wire wire = Wire.open(start(b -> b.idleTimeout(Duration.ofMillis(300))))) {
            long started = System.nanoTime();
            assertEquals("421 4.4.2 mx.test.example Error: timeout exceeded", wire.reply());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 250);
            assertTrue(wire.closedByServer());
        }
    }

    @Test
    void clientStallingInDataTimesOutWithoutDelivery() throws Exception {
        try (Wire wire = Wire.open(start(b -> b.idleTimeout(Duration.ofMillis(300))))) {
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<a@example.org>");
            wire.command("RCPT TO:<b@example.org>");
            wire.command("DATA");
            wire.send("Subject: stalled\r\n");
            assertEquals("421 4.4.2 mx.test.example Error: timeout exceeded", wire.reply());
            assertTrue(wire.closedByServer());
        }
        handlers.awaitDone(1);
        assertEquals(0, handlers.deliveries.size());
    }

    @Test
    void tooManyErrorsEndsTheSession() throws IOException {
        try (Wire wire = Wire.open(start(b -> b.maxErrors(3)))) {
            for (int i = 0; i < 3; i++) {
                assertEquals("500 5.5.2 Error: command not recognized", wire.command("BOGUS"));
            }
            assertEquals("421 4.7.0 mx.test.example Error: too many errors", wire.command("BOGUS"));
            assertTrue(wire.closedByServer());
        }
    }
}
