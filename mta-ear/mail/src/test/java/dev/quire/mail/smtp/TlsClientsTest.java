package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quire.mail.EmailAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS and implicit TLS against real peers: SmtpClient, raw sockets, Python smtplib, openssl s_client, swaks. */
class TlsClientsTest {

    static final Authenticator USER_U = (user, password, client) -> "u".equals(user)
            && Arrays.equals(password, "p".toCharArray()) ? new AuthResult.Success("u") : new AuthResult.Failure();

    private static TlsFixture tls;

    private final RecordingHandlerFactory handlers = new RecordingHandlerFactory();
    private SmtpServer server;

    @BeforeAll
    static void certificate(@TempDir Path dir) throws Exception {
        tls = TlsFixture.create(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(UnaryOperator<SmtpServerConfig.Builder> settings) throws IOException {
        server = TestServers.start(handlers, b -> settings.apply(b.tls(tls.server)));
        return server.port();
    }

    @Test
    void smtpClientUpgradesGreetsAgainAndDelivers() throws Exception {
        int port = start(b -> b);
        SmtpClient client = SmtpClient.connect("127.0.0.1", port, Duration.ofSeconds(5), false, "client.example");
        try {
            assertTrue(client.extensions().contains("STARTTLS"));
            assertFalse(client.isTls());
            assertEquals(220, client.startTls(tls.client.getSocketFactory(), "localhost").code());
            assertTrue(client.isTls());
            assertFalse(client.extensions().contains("STARTTLS"), "not advertised once TLS is active");
            assertTrue(client.extensions().contains("CHUNKING"));
            assertEquals(250, client.mailFrom(EmailAddress.parse("a@example.org")).code());
            assertEquals(250, client.rcptTo(EmailAddress.parse("b@example.net")).code());
            List<Reply> replies = client.data(new ByteArrayInputStream("Subject: t\r\n\r\nhi\r\n".getBytes(
                    StandardCharsets.US_ASCII)), 1);
            assertEquals(250, replies.get(0).code());
        } finally {
            client.quit();
        }
        handlers.nextDelivery();
        assertTrue(handlers.lastContext.isTls());
        assertTrue(handlers.lastContext.tlsDescription().orElseThrow().startsWith("TLSv1."),
                handlers.lastContext.tlsDescription().toString());
    }

    @Test
    void commandsPipelinedBehindStartTlsAreDiscarded() throws Exception {
        int port = start(b -> b);
        try (Wire wire = Wire.open(port)) {
            wire.command("EHLO client.example");
            wire.send("STARTTLS\r\nRSET\r\n");
            assertEquals("220 2.0.0 Ready to start TLS", wire.reply());
            wire.startTls(tls.client.getSocketFactory()).timeout(500);
            assertTrue(wire.silent(), "the injected RSET must not be answered");
            wire.timeout(5000);
            assertTrue(wire.command("EHLO client.example").startsWith("250-mx.test.example\n"));
        }
    }

    @Test
    void startTlsForgetsTheGreetingAndIsNotOfferedTwice() throws Exception {
        int port = start(b -> b);
        try (Wire wire = Wire.open(port)) {
            wire.command("EHLO client.example");
            assertEquals("220 2.0.0 Ready to start TLS", wire.command("STARTTLS"));
            wire.startTls(tls.client.getSocketFactory());
            assertEquals("503 5.5.1 Error: send HELO/EHLO first", wire.command("MAIL FROM:<a@example.org>"));
            assertFalse(wire.command("EHLO client.example").contains("STARTTLS"));
            assertEquals("503 5.5.1 Error: TLS already active", wire.command("STARTTLS"));
        }
    }

    @Test
    void requireTlsRefusesMailAndAuthBeforeStartTls() throws Exception {
        int port = start(b -> b.requireTls(true).authenticator(USER_U));
        try (Wire wire = Wire.open(port)) {
            String ehlo = wire.command("EHLO client.example");
            assertFalse(ehlo.contains("AUTH"), "AUTH is offered only over TLS");
            assertEquals("530 5.7.0 Must issue a STARTTLS command first", wire.command("MAIL FROM:<a@example.org>"));
            assertEquals("530 5.7.0 Must issue a STARTTLS command first", wire.command("AUTH PLAIN AHUAcA=="));
            assertEquals("501 5.5.4 Syntax: STARTTLS", wire.command("STARTTLS now"));
            assertEquals("220 2.0.0 Ready to start TLS", wire.command("STARTTLS"));
            wire.startTls(tls.client.getSocketFactory());
            assertTrue(wire.command("EHLO client.example").contains("AUTH PLAIN LOGIN"));
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org>"));
        }
    }

    @Test
    void implicitTlsHandshakesBeforeTheBanner() throws Exception {
        int port = start(b -> b.implicitTls(true));
        try (SSLSocket socket = (SSLSocket) tls.client.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            byte[] banner = new byte[4];
            assertEquals(4, socket.getInputStream().readNBytes(banner, 0, 4));
            assertEquals("220 ", new String(banner, StandardCharsets.US_ASCII));
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    @Test
    void pythonSmtplibStartTlsLoginAndSend() throws Exception {
        int port = start(b -> b.requireTls(true).authenticator(USER_U).requireAuth(true));
        String script = """
                import smtplib, ssl, sys
                with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="py.example", timeout=10) as s:
                    s.starttls(context=ssl._create_unverified_context())
                    s.login("u", "p")
                    s.sendmail("a@example.org", ["b@example.net"], b"Subject: py\\r\\n\\r\\nbody\\r\\n")
                with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="py.example", timeout=10) as s:
                    s.starttls(context=ssl._create_unverified_context())
                    s.ehlo()
                    s.user, s.password = "u", "p"
                    code, text = s.auth("LOGIN", s.auth_login, initial_response_ok=False)
                    assert code == 235, (code, text)
                    code, text = s.docmd("AUTH", "PLAIN AHUAcA==")
                    assert code == 503, (code, text)
                """;
        String output = run(new ProcessBuilder("python3", "-c", script, Integer.toString(port)));
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals("Subject: py\r\n\r\nbody\r\n", new String(d.content(), StandardCharsets.US_ASCII), output);
        assertEquals("u", handlers.lastContext.authenticatedUser().orElseThrow());
        assertTrue(handlers.lastContext.isTls());
    }

    @Test
    void opensslStartTlsClient() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        int port = start(b -> b);
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/openssl", "s_client", "-starttls", "smtp", "-connect",
                "127.0.0.1:" + port, "-servername", "localhost", "-crlf", "-ign_eof");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().write("EHLO openssl.example\nQUIT\n".getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().close();
        String output = finish(process);
        assertTrue(output.contains("250-mx.test.example"), output);
        assertTrue(output.contains("221 2.0.0 Bye"), output);
        assertTrue(output.contains("TLSv1."), output);
    }

    @Test
    void swaksStartTlsWithAuthPlain(@TempDir Path dir) throws Exception {
        assumeSwaksTls();
        int port = start(b -> b.requireTls(true).authenticator(USER_U).requireAuth(true));
        String output = run(swaks(port, dir, "--tls", "--auth", "PLAIN", "--auth-user", "u", "--auth-password", "p"));
        assertTrue(output.contains("235 2.7.0 Authentication successful"), output);
        assertTrue(output.contains("250 2.0.0 queued"), output);
        assertEquals(List.of(EmailAddress.parse("a@example.net")), handlers.nextDelivery().recipients());
        assertEquals("u", handlers.lastContext.authenticatedUser().orElseThrow());
    }

    @Test
    void swaksImplicitTls(@TempDir Path dir) throws Exception {
        assumeSwaksTls();
        int port = start(b -> b.implicitTls(true));
        String output = run(swaks(port, dir, "--tlsc"));
        assertTrue(output.contains("250 2.0.0 queued"), output);
        handlers.nextDelivery();
        assertTrue(handlers.lastContext.isTls());
    }

    private static void assumeSwaksTls() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
        Process perl = new ProcessBuilder("perl", "-MNet::SSLeay", "-e1").redirectErrorStream(true).start();
        assumeTrue(perl.waitFor(10, TimeUnit.SECONDS) && perl.exitValue() == 0,
                "swaks needs Net::SSLeay for TLS (Debian: libnet-ssleay-perl)");
    }

    private static ProcessBuilder swaks(int port, Path dir, String... options) throws IOException {
        Path message = dir.resolve("message.eml");
        Files.writeString(message, "Subject: swaks\n\nbody", StandardCharsets.US_ASCII);
        List<String> command = new ArrayList<>(List.of("/usr/bin/swaks", "--server", "127.0.0.1",
                "--port", Integer.toString(port), "--helo", "swaks.example", "--from", "s@example.org", "--to",
                "a@example.net", "--data", "@" + message, "--timeout", "10"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command);
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        return finish(process);
    }

    private static String finish(Process process) throws Exception {
        boolean ended = process.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "client did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
