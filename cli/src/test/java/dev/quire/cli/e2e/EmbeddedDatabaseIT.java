package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: {@code quire run --demo} with no database configured starts the embedded
 * MariaDB under the data directory, and what it stores survives a restart.
 */
class EmbeddedDatabaseIT {
    @TempDir
    Path work;

    @Test
    void demoRunsOnTheEmbeddedDatabaseAndKeepsItsDataAcrossRestarts() throws Exception {
        try {
            demo();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n"
                    + QuireProcess.logOf(work.resolve("var")), e);
        }
    }

    private void demo() throws Exception {
        int smtpPort = FreePorts.next();
        Path data = work.resolve("var");
        Path config = work.resolve("quire.properties");
        Files.writeString(config,
                String.join("\n", "quire.data.dir=" + data, "quire.smtp.port=" + smtpPort, "quire.submission.port=-1",
                        "quire.smtps.port=-1",
                        "quire.internal.port=" + FreePorts.next(), "quire.lmtp.port=" + FreePorts.next(),
                        "quire.http.port=" + FreePorts.next(), "quire.db.embedded.port=" + FreePorts.next(), ""));
        Path out = work.resolve("run.out");
        Path alice = data.resolve("mail/example.test/alice/new");

        try (QuireProcess quire = QuireProcess.start(work, out, "--demo", "--config", config.toString())) {
            assertTrue(quire.output().matches("(?s).*Site admin: admin  password: \\S{12,}  \\(shown only once\\).*"),
                    quire.output());
            post(smtpPort, "one");
            Poll.until("the post in alice's Maildir", Duration.ofSeconds(60), () -> count(alice) == 1);
            Poll.until("carol's copy deferred: the demo has no smarthost and looks up no MX",
                    Duration.ofSeconds(60), () -> count(data.resolve("spool/deferred")) == 1);
            assertEquals(0, quire.stop());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("db-credentials.properties"))));

        try (QuireProcess quire = QuireProcess.start(work, out, "--demo", "--config", config.toString())) {
            assertFalse(quire.output().contains("Site admin:"), "the password is shown only once");
            post(smtpPort, "two");
            Poll.until("the second post: the list survived the restart", Duration.ofSeconds(60),
                    () -> count(alice) == 2);
        }
    }

    private static void post(int port, String subject) throws Exception {
        Process p = new ProcessBuilder("swaks", "--server", "127.0.0.1:" + port, "--from", "alice@example.test",
                "--to", "demo@lists.example.test", "--header", "Subject: " + subject).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        assertTrue(output.contains("250 2.0.0 Ok: queued as"), output);
    }

    /** MAIL then one RCPT per address over a raw connection; the MAIL code, then each RCPT's code and status. */
    private static List<String> rcptCodes(int port, String... recipients) throws IOException {
        List<String> codes = new java.util.ArrayList<>();
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            java.io.OutputStream out = s.getOutputStream();
            in.readLine();
            out.write("HELO client.test\r\nMAIL FROM:<carol@remote.test>\r\n".getBytes());
            in.readLine();
            codes.add(in.readLine().substring(0, 3));
            for (String r : recipients) {
                out.write(("RCPT TO:<" + r + ">\r\n").getBytes());
                codes.add(in.readLine().substring(0, 9));
            }
            out.write("QUIT\r\n".getBytes());
        }
        return codes;
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
