package dev.quire.mta.delivery.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;
import dev.quire.mta.delivery.ConnectionCache;
import dev.quire.mta.delivery.Outcome;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.MessageBody;

/** The MX agent against real SMTP peers: Postfix's smtp-sink on loopback, behind a static MX table. */
class MxDeliveryAgentTest {
    private static final Path SMTP_SINK = Path.of("/usr/sbin/smtp-sink");
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");
    private static final EmailAddress BOB = EmailAddress.parse("bob@example.test");

    @TempDir
    Path dir;

    private final List<Process> sinks = new ArrayList<>();

    @AfterEach
    void stopSinks() throws InterruptedException {
        for (Process p : sinks) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClosedFirstExchangerPassesTheTurnToTheNext() throws Exception {
        assumeTrue(Files.isExecutable(SMTP_SINK), "smtp-sink is not installed (scripts/install-test-deps.sh)");
        Path firstDump = dumpDir("first");
        Path secondDump = dumpDir("second");
        int closed = freePort();
        int first = sink(firstDump);
        int second = sink(secondDump);
        Path table = dir.resolve("mx");
        Files.writeString(table, "example.test  127.0.0.1:" + closed + " 127.0.0.1:" + second + " 127.0.0.1:" + first
                + "\n");
        Path message = dir.resolve("m.eml");
        Files.writeString(message, "Subject: over MX\r\n\r\nhello\r\n");
        Envelope env = Envelope.accepted(QueueId.next(), EmailAddress.parse("list-bounces@lists.test"),
                List.of(Recipient.to(ALICE), Recipient.to(BOB)));

        Map<EmailAddress, Outcome> out = new MxDeliveryAgent(new StaticMxResolver(table, null), "example.test",
                "mx.lists.test", ConnectionCache.NONE).deliver(env, MessageBody.of(message), List.of(ALICE, BOB));

        assertEquals(Outcome.Status.DELIVERED, out.get(ALICE).status(), out.toString());
        assertEquals(Outcome.Status.DELIVERED, out.get(BOB).status(), out.toString());
        assertTrue(out.get(ALICE).detail().contains("127.0.0.1:" + second), out.get(ALICE).detail());
        List<Path> dumped = awaitFiles(secondDump);
        assertEquals(1, dumped.size(), "one transaction for both recipients");
        String transcript = Files.readString(dumped.get(0), StandardCharsets.ISO_8859_1);
        assertTrue(transcript.contains("alice@example.test") && transcript.contains("bob@example.test"), transcript);
        assertTrue(transcript.contains("Subject: over MX"), transcript);
        try (Stream<Path> none = Files.list(firstDump)) {
            assertEquals(0, none.count(), "the later exchanger is not used");
        }
    }

    @Test
    void aRefusedGreetingPassesTheTurnButARefusedRecipientIsFinal() throws Exception {
        List<String> seenBy = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SmtpServer busy = server("busy.test", seenBy);
                SmtpServer strict = server("strict.test", seenBy);
                SmtpServer spare = server("spare.test", seenBy)) {
            busy.refuseNewSessions(new Reply(421, "4.3.2", "busy"));
            Path table = dir.resolve("mx");
            Files.writeString(table, "example.test  127.0.0.1:" + busy.port() + " 127.0.0.1:" + strict.port()
                    + " 127.0.0.1:" + spare.port() + "\n");
            Path message = dir.resolve("m.eml");
            Files.writeString(message, "Subject: z\r\n\r\nhello\r\n");
            Envelope env = Envelope.accepted(QueueId.next(), null, List.of(Recipient.to(ALICE), Recipient.to(BOB)));
            Map<EmailAddress, Outcome> out = new MxDeliveryAgent(new StaticMxResolver(table, null), "example.test",
                    "mx.lists.test", ConnectionCache.NONE).deliver(env, MessageBody.of(message), List.of(ALICE, BOB));
            assertEquals(Outcome.Status.DELIVERED, out.get(ALICE).status(), out.toString());
            assertEquals(Outcome.Status.FAILED, out.get(BOB).status(), out.toString());
            assertTrue(out.get(BOB).detail().startsWith("550 5.1.1"), out.get(BOB).detail());
            assertEquals(List.of("strict.test"), seenBy, "the busy host is skipped, the spare one never asked");
        }
    }

    /** A started SMTP server that refuses {@code bob} and accepts the rest. */
    private static SmtpServer server(String name, List<String> seenBy) throws IOException {
        SmtpServer server = new SmtpServer(SmtpServerConfig.builder().port(0).hostname(name).build(),
                ctx -> new MessageHandler() {
                    @Override
                    public Reply from(EmailAddress reversePath, Map<String, String> params) {
                        seenBy.add(name);
                        return Reply.ok("2.1.0", "ok");
                    }

                    @Override
                    public Reply recipient(EmailAddress r, Map<String, String> params) {
                        return r.equals(BOB) ? new Reply(550, "5.1.1", "no such user") : Reply.ok("2.1.5", "ok");
                    }

                    @Override
                    public List<Reply> data(InputStream message) throws IOException {
                        message.readAllBytes();
                        return List.of(Reply.ok("2.0.0", "queued"));
                    }
                }, Thread::new);
        server.start();
        return server;
    }

    @Test
    void noExchangerAnsweringMeansRetry() throws Exception {
        Path table = dir.resolve("mx");
        Files.writeString(table, "example.test  127.0.0.1:" + freePort() + " 127.0.0.1:" + freePort() + "\n");
        Path message = dir.resolve("m.eml");
        Files.writeString(message, "x\r\n");
        Envelope env = Envelope.accepted(QueueId.next(), null, List.of(Recipient.to(ALICE)));
        Map<EmailAddress, Outcome> out = new MxDeliveryAgent(new StaticMxResolver(table, null), "example.test",
                "mx.lists.test", ConnectionCache.NONE).deliver(env, MessageBody.of(message), List.of(ALICE));
        assertEquals(Outcome.Status.RETRY, out.get(ALICE).status());
        assertTrue(out.get(ALICE).detail().startsWith("451 4.4.1 "), out.get(ALICE).detail());
    }

    @Test
    void aNullMxFailsEveryRecipient() throws Exception {
        Path table = dir.resolve("mx");
        Files.writeString(table, "example.test  .\n");
        Envelope env = Envelope.accepted(QueueId.next(), null, List.of(Recipient.to(ALICE), Recipient.to(BOB)));
        Map<EmailAddress, Outcome> out = new MxDeliveryAgent(new StaticMxResolver(table, null), "example.test",
                "mx.lists.test", ConnectionCache.NONE)
                .deliver(env, MessageBody.of(dir.resolve("unused")), List.of(ALICE, BOB));
        assertEquals(Outcome.failed(MxLookupException.NULL_MX), out.get(ALICE));
        assertEquals(Outcome.failed(MxLookupException.NULL_MX), out.get(BOB));
    }

    /** A dump directory the sink's unprivileged user may write, under a parent it may traverse. */
    private Path dumpDir(String name) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path d = Files.createDirectory(dir.resolve(name));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxrwxrwx"));
        return d;
    }

    private int sink(Path dump) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(SMTP_SINK.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "postfix"));
        }
        cmd.addAll(List.of("-d", dump + "/%M.", "127.0.0.1:" + port, "10"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sink-" + port + ".log")
                        .toFile())
                .start();
        sinks.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return port;
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("smtp-sink did not start: "
                            + Files.readString(dir.resolve("sink-" + port + ".log")));
                }
                Thread.sleep(20);
            }
        }
    }

    /** The files in a dump directory once one holds the whole message (the sink writes as it reads). */
    private static List<Path> awaitFiles(Path d) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<Path> found;
            try (Stream<Path> files = Files.list(d)) {
                found = files.toList();
            }
            for (Path f : found) {
                if (Files.readString(f, StandardCharsets.ISO_8859_1).contains("hello")
                        || System.nanoTime() > deadline) {
                    return found;
                }
            }
            if (System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
