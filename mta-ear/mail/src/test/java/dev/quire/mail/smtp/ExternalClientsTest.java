package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quire.mail.EmailAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real third-party SMTP clients against the server: Python's smtplib and swaks. */
class ExternalClientsTest {

    private static final String PYTHON_SENDER = """
            import smtplib, sys
            msg = (b"From: sender@example.org\\r\\nTo: one@example.net\\r\\nSubject: smtplib\\r\\n\\r\\n"
                   b".leading dot\\r\\n..two dots\\r\\nend\\r\\n")
            with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="py.example", timeout=10) as s:
                refused = s.sendmail("sender@example.org", ["one@example.net", "two@example.net"], msg)
                assert refused == {}, refused
            """;

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

    @Test
    void pythonSmtplibDeliversExactBytesAndEnvelope() throws Exception {
        Process python = new ProcessBuilder("python3", "-c", PYTHON_SENDER, Integer.toString(server.port()))
                .redirectErrorStream(true).start();
        String output = finish(python);
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals(EmailAddress.parse("sender@example.org"), d.sender());
        assertEquals(List.of(EmailAddress.parse("one@example.net"), EmailAddress.parse("two@example.net")),
                d.recipients());
        assertEquals("py.example", d.heloName());
        byte[] expected = ("From: sender@example.org\r\nTo: one@example.net\r\nSubject: smtplib\r\n\r\n"
                + ".leading dot\r\n..two dots\r\nend\r\n").getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(expected, d.content(), output);
        assertEquals(Integer.toString(expected.length), d.mailParams().get("SIZE"), "smtplib declares SIZE");
    }

    @Test
    void swaksDeliversToTwoRecipients(@TempDir Path dir) throws Exception {
        Path swaks = Path.of("/usr/bin/swaks");
        assumeTrue(Files.isExecutable(swaks), "swaks is not installed");
        Path message = dir.resolve("message.eml");
        // swaks ends the data with CRLF "." CRLF itself, so the file has no final newline
        Files.writeString(message, "Subject: swaks\nX-Test: yes\n\nline one\nline two", StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(swaks.toString(), "--server", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--helo", "swaks.example", "--from", "s@example.org", "--to",
                "a@example.net,b@example.net", "--data", "@" + message, "--timeout", "10").redirectErrorStream(
                        true)
                .start();
        String output = finish(process);
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals(EmailAddress.parse("s@example.org"), d.sender());
        assertEquals(List.of(EmailAddress.parse("a@example.net"), EmailAddress.parse("b@example.net")),
                d.recipients());
        assertEquals("swaks.example", d.heloName());
        assertEquals("Subject: swaks\r\nX-Test: yes\r\n\r\nline one\r\nline two\r\n",
                new String(d.content(), StandardCharsets.US_ASCII), output);
        assertTrue(output.contains("250 2.0.0 queued"), output);
    }

    private static String finish(Process process) throws Exception {
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "client did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
