package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SMTP smuggling (CVE-2023-51764 family): only CRLF "." CRLF may end DATA. */
class SmtpSmugglingTest {

    private final RecordingHandlerFactory handlers = new RecordingHandlerFactory();
    private SmtpServer server;

    @BeforeEach
    void start() throws IOException {
        server = TestServers.start(handlers, b -> b);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n.\n", "\n.\r\n", "\r\n.\n", "\r.\r", "\r\n.\r", "\r.\r\n"})
    void smuggledSecondMessageIsNotAccepted(String fakeEnd) throws Exception {
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<sender@example.org>");
            wire.command("RCPT TO:<rcpt@example.net>");
            assertEquals("354 End data with <CR><LF>.<CR><LF>", wire.command("DATA"));
            wire.send("Subject: legit\r\n\r\nhello" + fakeEnd + "MAIL FROM:<evil@x.example>\r\n"
                    + "RCPT TO:<victim@example.net>\r\nDATA\r\nFrom: ceo@example.org\r\n\r\nwire money\r\n");
            wire.send(".\r\n");
            assertEquals("550 5.6.0 Message contains bare CR or LF; only CRLF line ends are accepted", wire.reply());
            assertEquals("503 5.5.1 Error: need MAIL command", wire.command("RCPT TO:<x@example.net>"),
                    "the transaction ended; nothing smuggled opened a new one");
            assertEquals("221 2.0.0 Bye", wire.command("QUIT"));
        }
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals(DotTerminatedInputStream.BARE_LINE_END, d.rejection());
        assertNull(d.content());
        assertEquals(1, handlers.created.get(), "exactly one transaction, the legitimate one");
        assertEquals(1, handlers.senders.size());
        assertEquals("sender@example.org", handlers.senders.take().mailbox());
    }

    @Test
    void lmtpRejectsSmuggledDataOncePerAcceptedRecipient() throws Exception {
        try (SmtpServer lmtp = TestServers.start(handlers, b -> b.lmtp(true)); Wire wire = Wire.open(lmtp.port())) {
            wire.command("LHLO client.example");
            wire.command("MAIL FROM:<sender@example.org>");
            wire.command("RCPT TO:<one@example.net>");
            wire.command("RCPT TO:<two@example.net>");
            wire.command("DATA");
            wire.send("hello\n.\nMAIL FROM:<evil@x.example>\r\n.\r\n");
            String rejection = "550 5.6.0 Message contains bare CR or LF; only CRLF line ends are accepted";
            assertEquals(rejection, wire.reply());
            assertEquals(rejection, wire.reply());
            assertEquals("250 2.0.0 Ok", wire.command("NOOP"));
        }
        assertEquals(DotTerminatedInputStream.BARE_LINE_END, handlers.nextDelivery().rejection());
    }
}
