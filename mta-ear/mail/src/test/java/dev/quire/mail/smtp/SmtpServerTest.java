package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quire.mail.EmailAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpServerTest {

    private final RecordingHandlerFactory handlers = new RecordingHandlerFactory();
    private SmtpServer server;

    @BeforeEach
    void start() throws IOException {
        server = TestServers.start(handlers, b -> b.maxMessageSize(10_000).extraEhloKeyword("XVERP"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bannerAndEhloAdvertiseTheExtensions() throws IOException {
        try (Wire wire = new Wire(server.port())) {
            assertEquals("220 mx.test.example ESMTP Quire", wire.reply());
            assertEquals("250-mx.test.example\n250-PIPELINING\n250-8BITMIME\n250-ENHANCEDSTATUSCODES\n"
                    + "250-SIZE 10000\n250-SMTPUTF8\n250-DSN\n250-CHUNKING\n250 XVERP",
                    wire.command("EHLO client.example"));
            assertEquals("250 mx.test.example", wire.command("HELO client.example"));
            assertEquals("500 5.5.1 Error: LHLO is for LMTP; use EHLO", wire.command("LHLO client.example"));
            assertEquals("221 2.0.0 Bye", wire.command("QUIT"));
            assertTrue(wire.closedByServer());
        }
    }

    @Test
    void rejectsCommandsOutOfSequenceAndBadSyntax() throws IOException {
        try (Wire wire = Wire.open(server.port())) {
            assertEquals("503 5.5.1 Error: send HELO/EHLO first", wire.command("MAIL FROM:<a@example.org>"));
            assertEquals("503 5.5.1 Error: need MAIL command", wire.command("RCPT TO:<b@example.org>"));
            assertEquals("503 5.5.1 Error: need MAIL command", wire.command("DATA"));
            assertEquals("500 5.5.2 Error: command not recognized", wire.command("STARTTLS"));
            assertEquals("501 5.5.4 Syntax: EHLO hostname", wire.command("EHLO"));
            wire.command("EHLO client.example");
            assertTrue(wire.command("MAIL FROM:a@example.org").startsWith("501 5.5.4 "));
            assertTrue(wire.command("MAIL FROM:<a@example.org> SIZE=abc").startsWith("501 5.5.4 "));
            assertEquals("501 5.1.7 Bad sender address syntax",
                    wire.command("MAIL FROM:<@relay.example:a@example.org>"));
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org>"));
            assertEquals("503 5.5.1 Error: nested MAIL command", wire.command("MAIL FROM:<a@example.org>"));
            assertEquals("501 5.1.3 Bad recipient address syntax", wire.command("RCPT TO:<not an address>"));
            assertEquals("554 5.5.1 Error: no valid recipients", wire.command("DATA"));
            assertEquals("252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery",
                    wire.command("VRFY someone"));
            assertTrue(wire.command("HELP").startsWith("214 2.0.0 "));
            assertEquals("250 2.0.0 Ok", wire.command("NOOP"));
        }
        assertEquals(0, handlers.deliveries.size());
    }

    @Test
    void deliversEnvelopeParametersAndExactBytes() throws Exception {
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<Sender@Example.ORG> size=42 body=8BITMIME"));
            assertEquals("250 2.1.5 Ok", wire.command("RCPT TO:<postmaster>"));
            assertEquals("250 2.1.5 Ok", wire.command("RCPT TO:<rcpt@example.net> NOTIFY=NEVER"));
            assertEquals("354 End data with <CR><LF>.<CR><LF>", wire.command("DATA"));
            assertEquals("250 2.0.0 queued", wire.send("Subject: t\r\n\r\n..leading dot\r\nlast\r\n.\r\n").reply());
        }
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals(EmailAddress.parse("Sender@example.org"), d.sender());
        assertEquals(Map.of("SIZE", "42", "BODY", "8BITMIME"), d.mailParams());
        assertEquals(List.of(EmailAddress.of("postmaster", "mx.test.example"), EmailAddress.parse("rcpt@example.net")),
                d.recipients());
        assertEquals(Map.of("NOTIFY", "NEVER"), d.rcptParams().get(1));
        assertEquals("client.example", d.heloName());
        assertArrayEquals("Subject: t\r\n\r\n.leading dot\r\nlast\r\n".getBytes(StandardCharsets.US_ASCII),
                d.content());
    }

    @Test
    void nullSenderAndOneHandlerPerTransaction() throws Exception {
        try (Wire wire = Wire.open(server.port())) {
            wire.command("HELO client.example");
            for (int i = 0; i < 2; i++) {
                assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<>"));
                wire.command("RCPT TO:<r@example.net>");
                wire.command("DATA");
                assertEquals("250 2.0.0 queued", wire.send("m" + i + "\r\n.\r\n").reply());
            }
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org>"));
            assertEquals("250 2.0.0 Ok", wire.command("RSET"));
            assertEquals("503 5.5.1 Error: need MAIL command", wire.command("RCPT TO:<r@example.net>"));
        }
        assertNull(handlers.nextDelivery().sender());
        assertEquals("m1\r\n", new String(handlers.nextDelivery().content(), StandardCharsets.US_ASCII));
        assertEquals(3, handlers.created.get());
        handlers.awaitDone(3);
    }

    @Test
    void rejectedRecipientIsNotCountedForData() throws IOException {
        handlers.acceptRecipient = r -> !r.localPart().equals("nobody");
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<a@example.org>");
            assertEquals("550 5.1.1 No such user", wire.command("RCPT TO:<nobody@example.org>"));
            assertEquals("554 5.5.1 Error: no valid recipients", wire.command("DATA"));
        }
    }

    @Test
    void pipelinedCommandsGetAllTheirRepliesInOrder() throws Exception {
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            wire.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nRCPT TO:<c@example.org>\r\nDATA\r\n");
            assertEquals("250 2.1.0 Ok", wire.reply());
            assertEquals("250 2.1.5 Ok", wire.reply());
            assertEquals("250 2.1.5 Ok", wire.reply());
            assertEquals("354 End data with <CR><LF>.<CR><LF>", wire.reply());
            wire.send("body\r\n.\r\nRSET\r\nNOOP\r\n");
            assertEquals("250 2.0.0 queued", wire.reply());
            assertEquals("250 2.0.0 Ok", wire.reply());
            assertEquals("250 2.0.0 Ok", wire.reply());
        }
        assertEquals(2, handlers.nextDelivery().recipients().size());
    }

    @Test
    void handlerFailureBecomes451AndTheServerKeepsServing() throws IOException {
        handlers.failInFrom = new IllegalStateException("database down");
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            assertEquals("451 4.3.0 Local error in processing", wire.command("MAIL FROM:<a@example.org>"));
            handlers.failInFrom = null;
            handlers.dataReplies = r -> {
                throw new IllegalStateException("disk full");
            };
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org>"));
            wire.command("RCPT TO:<b@example.org>");
            wire.command("DATA");
            assertEquals("451 4.3.0 Local error in processing", wire.send("x\r\n.\r\n").reply());
        }
        try (Wire again = Wire.open(server.port())) {
            assertEquals("250 2.0.0 Ok", again.command("NOOP"));
        }
    }

    @Test
    void connectionLossMidDataEndsTheTransactionWithoutDelivery() throws Exception {
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<a@example.org>");
            wire.command("RCPT TO:<b@example.org>");
            wire.command("DATA");
            wire.send("half a message\r\n");
        }
        handlers.awaitDone(1);
        assertEquals(0, handlers.deliveries.size());
    }
}
