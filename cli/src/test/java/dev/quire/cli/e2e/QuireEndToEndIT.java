package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.db.TestDatabase;

/**
 * The foundation's path on the real stack: a post by SMTP to the demo list reaches every member exactly
 * once (Maildirs for local members, the smarthost for the remote one), a non-member's post is held, unknown
 * recipients and relay attempts are refused at RCPT, LMTP answers per recipient, and a message deferred when
 * the server stops is delivered after it starts again.
 */
class QuireEndToEndIT {
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private TestDatabase db;
    private int smtpPort;
    private int lmtpPort;
    private int sinkPort;
    private Path config;
    private Path data;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        db = TestDatabase.create();
        smtpPort = FreePorts.next();
        lmtpPort = FreePorts.next();
        sinkPort = FreePorts.next();
        data = work.resolve("var");
        config = work.resolve("quire.properties");
        Files.writeString(config, String.join("\n",
                "quire.data.dir=" + data,
                "quire.db.url=" + db.url(),
                "quire.db.user=" + TestDatabase.user(),
                "quire.db.password=" + TestDatabase.password(),
                "quire.hostname=mx.quire.test",
                "quire.smtp.port=" + smtpPort,
                "quire.submission.port=-1",
                "quire.smtps.port=-1",
                "quire.internal.port=" + FreePorts.next(),
                "quire.lmtp.port=" + lmtpPort,
                "quire.http.port=" + FreePorts.next(),
                "quire.smarthost=127.0.0.1:" + sinkPort,
                "quire.queue.retry.min=PT1S",
                "quire.queue.retry.max=PT2S",
                ""));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void postReachesEveryMemberOnceNonMemberIsHeldAndDeferredMailSurvivesARestart() throws Exception {
        try {
            fullPath();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
        }
    }

    private void fullPath() throws Exception {
        Path out = work.resolve("quire-run.out");
        try (SmtpSink sink = new SmtpSink(work.resolve("sink1"), sinkPort).start();
                QuireProcess quire = QuireProcess.start(work, out, "--demo", "--config", config.toString())) {
            assertTrue(quire.output().contains("swaks --server 127.0.0.1:" + smtpPort), quire.output());

            // 1-2. a member posts with swaks; the MTA answers 250 with a queue id once the message is on disk
            String swaks = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "alice@example.test",
                    "--to", "demo@lists.example.test", "--header", "Subject: hello", "--header",
                    "Message-Id: <first-post@example.test>", "--body", "first post");
            assertTrue(swaks.matches("(?s).*<-  250 2\\.0\\.0 Ok: queued as [0-9A-Z]+.*"), swaks);

            // a non-member posts; unknown users and relay attempts are refused at RCPT (Python smtplib)
            List<String> py = lines(run("python3", script("nonmember_and_unknown.py").toString(),
                    String.valueOf(smtpPort)));
            assertEquals("REFUSED nobody@example.test 550 5.1.1 <nobody@example.test>: Recipient address rejected:"
                    + " User unknown", py.get(0));
            assertEquals("REFUSED victim@elsewhere.test 554 5.7.1 Relay access denied", py.get(1));
            assertEquals("ACCEPTED demo@lists.example.test", py.get(2));

            // 3-5. every member gets exactly one copy: Maildirs for alice and bob, the smarthost for carol; the
            // smarthost also gets mallory's notice that her post awaits approval
            Poll.until("one copy in each local Maildir, and carol's copy and mallory's notice at the smarthost",
                    DELIVERY, () -> maildir("alice").size() == 1 && maildir("bob").size() == 1
                            && sink.messages().size() == 2);
            Poll.until("an empty queue", DELIVERY, this::spoolEmpty);
            for (String user : List.of("alice", "bob")) {
                String copy = Files.readString(maildir(user).get(0), StandardCharsets.ISO_8859_1);
                assertListCopy(copy);
                assertTrue(copy.startsWith("Return-Path: <demo-bounces@lists.example.test>\r\nDelivered-To: " + user
                        + "@example.test\r\n"), copy);
            }
            String remote = to("carol@remote.test", sink.messages());
            assertTrue(remote.contains("X-Mail-Args: <demo-bounces@lists.example.test>"), remote);
            assertTrue(remote.contains("X-Rcpt-Args: <carol@remote.test>"), remote);
            assertListCopy(remote);

            // the non-member's post went nowhere and waits in the database with its reason
            assertEquals(List.of("mallory@remote.test|nonmember-moderation: the message is not from a list member"
                    + " (mallory@remote.test)|<nonmember-1@remote.test>"),
                    query("SELECT sender, reasons, message_id FROM held_message"));
            assertTrue(Stream.of(maildir("alice"), maildir("bob")).flatMap(List::stream)
                    .noneMatch(p -> read(p).contains("mallory")));
            String notice = to("mallory@remote.test", sink.messages());
            assertTrue(notice.contains("X-Mail-Args: <>"), "a notice has the null sender: " + notice);
            assertTrue(notice.contains("Subject: Your message to Demo list awaits moderator approval"), notice);

            // LMTP answers per recipient: two accepted recipients, two replies after DATA
            assertEquals(List.of("250", "550", "250", "354", "250 2.0.0 Bounce received",
                    "250 2.0.0 Bounce received"), lmtpTwoRecipients());
        }

        // a message deferred while the smarthost is down stays queued across a restart and is then delivered
        int secondRunCopies;
        try (QuireProcess quire = QuireProcess.start(work, out, "--config", config.toString())) {
            run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", "bob@example.test", "--to",
                    "demo@lists.example.test", "--header", "Subject: second", "--body", "while the smarthost is down");
            Poll.until("local copies and a deferred remote copy", DELIVERY,
                    () -> maildir("alice").size() == 2 && count("deferred") == 1);
            assertEquals(0, quire.stop(), "quire run exits cleanly on SIGTERM");
            secondRunCopies = maildir("bob").size();
        }
        assertEquals(1, count("deferred"), "the deferred message is still queued after the stop");
        try (SmtpSink sink = new SmtpSink(work.resolve("sink2"), sinkPort).start();
                QuireProcess quire = QuireProcess.start(work, out, "--config", config.toString())) {
            Poll.until("the deferred copy at the smarthost", DELIVERY, () -> sink.messages().size() == 1);
            Poll.until("an empty queue", DELIVERY, this::spoolEmpty);
            String remote = sink.messages().get(0);
            assertTrue(
                    remote.contains("X-Rcpt-Args: <carol@remote.test>")
                            && remote.contains("\nSubject: [demo] second\n"),
                    remote);
            assertEquals(2, secondRunCopies);
            assertEquals(2, maildir("alice").size(), "no local copy was delivered twice");
        }
    }

    /** The one message at the sink for {@code rcpt}. */
    private static String to(String rcpt, List<String> messages) {
        List<String> found = messages.stream().filter(m -> m.contains("X-Rcpt-Args: <" + rcpt + ">")).toList();
        assertEquals(1, found.size(), "one message for " + rcpt + " in " + messages);
        return found.get(0);
    }

    /** The list's copy as a member sees it (smtp-sink writes LF line ends; Quire keeps CRLF). */
    private static void assertListCopy(String copy) {
        String c = copy.replace("\r\n", "\n");
        assertTrue(c.contains("\nSubject: [demo] hello\n"), copy);
        assertTrue(c.contains("\nList-Id: Demo list <demo.lists.example.test>\n"), copy);
        assertTrue(c.contains("\nList-Post: <mailto:demo@lists.example.test>\n"), copy);
        assertTrue(c.contains("\nList-Unsubscribe: <mailto:demo-leave@lists.example.test>\n"), copy);
        assertTrue(c.contains("\nMessage-Id: <first-post@example.test>\n"), copy);
        assertEquals(1, c.split("\nMessage-Id:", -1).length - 1, "one Message-Id: " + copy);
        assertTrue(c.contains("\n\nfirst post\n"), copy);
    }

    private List<String> lmtpTwoRecipients() throws IOException {
        List<String> codes = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", lmtpPort)) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream o = s.getOutputStream();
            reply(in);
            send(o, "LHLO e2e.test");
            reply(in);
            send(o, "MAIL FROM:<>");
            reply(in);
            send(o, "RCPT TO:<demo-bounces@lists.example.test>");
            codes.add(reply(in).substring(0, 3));
            send(o, "RCPT TO:<no-such-list@lists.example.test>");
            codes.add(reply(in).substring(0, 3));
            send(o, "RCPT TO:<demo-bounces+carol=remote.test@lists.example.test>");
            codes.add(reply(in).substring(0, 3));
            send(o, "DATA");
            codes.add(reply(in).substring(0, 3));
            send(o, "Subject: Undelivered Mail\r\n\r\nbounce\r\n.");
            codes.add(reply(in));
            codes.add(reply(in));
            send(o, "QUIT");
        }
        return codes;
    }

    private static void send(OutputStream o, String line) throws IOException {
        o.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        o.flush();
    }

    /** Reads one (possibly multi-line) reply and returns its last line. */
    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private List<Path> maildir(String user) throws IOException {
        Path dir = data.resolve("mail/example.test").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private long count(String queue) throws IOException {
        Path dir = data.resolve("spool").resolve(queue);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private boolean spoolEmpty() throws IOException {
        for (String q : List.of("incoming", "active", "deferred", "hold", "corrupt", "messages", "tmp")) {
            if (count(q) != 0) {
                return false;
            }
        }
        return true;
    }

    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(rs.getString(i));
                }
                rows.add(String.join("|", cols));
            }
        }
        return rows;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path script(String name) throws Exception {
        return Path.of(QuireEndToEndIT.class.getResource("/e2e/" + name).toURI());
    }

    private static List<String> lines(String s) {
        return s.lines().toList();
    }

    private String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return output;
    }
}
