package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quire.mail.EmailAddress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Postfix's XVERP between Quire's client and server: only where advertised, with Postfix's delimiter syntax. */
class XverpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final EmailAddress SENDER = EmailAddress.parse("list-bounces@lists.example");
    private static final EmailAddress ONE = EmailAddress.parse("one@example.org");

    @Test
    void theClientAsksForVerpAndTheHandlerSeesTheDelimiters() throws Exception {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        try (SmtpServer server = TestServers.start(handlers, b -> b.extraEhloKeyword("XVERP"));
                SmtpClient client = SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, false, "lists.example")) {
            assertTrue(client.extensions().contains("XVERP"));
            assertEquals(250, client.mailFromXverp(SENDER, "-=").code());
            assertTrue(client.rcptTo(ONE).isPositive());
            client.data(new ByteArrayInputStream("Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)), 1);
            assertEquals(Map.of("XVERP", "-="), handlers.nextDelivery().mailParams());
            assertEquals(250, client.mailFromXverp(SENDER, null).code(), "plain XVERP: the server's delimiters");
        }
    }

    @Test
    void aServerThatDoesNotAdvertiseItRefusesIt() throws Exception {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        try (SmtpServer server = TestServers.start(handlers, b -> b);
                SmtpClient client = SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, false, "lists.example")) {
            assertThrows(IllegalStateException.class, () -> client.mailFromXverp(SENDER, null));
            assertEquals(new Reply(555, "5.5.4", "Unsupported option: XVERP"), client.mailFrom(SENDER, "XVERP"));
        }
    }

    @Test
    void delimitersOutsidePostfixsFilterAreRefused() throws Exception {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        try (SmtpServer server = TestServers.start(handlers, b -> b.extraEhloKeyword("XVERP"));
                SmtpClient client = SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, false, "lists.example")) {
            assertEquals(501, client.mailFrom(SENDER, "XVERP=%!").code());
            assertEquals(501, client.mailFrom(SENDER, "XVERP=+").code());
            assertThrows(IllegalArgumentException.class, () -> client.mailFromXverp(SENDER, "/="));
        }
    }
}
