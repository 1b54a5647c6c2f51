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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.db.user.SecretHash;

/**
 * Bounces, archives and digests on the running stack. Real bounces made by Postfix and Exim (the fixtures of
 * lists-war, see its bounces/README.md) arrive by SMTP at {@code demo-bounces+carol=remote.test@}: the first
 * raises carol's score, the second takes it past the threshold and her delivery is disabled (she gets a
 * warning, and no more posts). A post and a reply are archived as one thread, and bob, who reads the list as
 * MIME digests, receives one once the pending posts pass the list's size threshold.
 */
class ListBouncesDigestsArchivesIT extends DemoEndToEndSetup {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path BOUNCES = Path.of("..", "lists-war", "src", "test", "resources", "bounces");

    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        demo(work,
                "quire.web.url=https://lists.example.test",
                "quire.queue.retry.min=PT1S",
                "quire.queue.retry.max=PT2S");
    }

    @Test
    void bouncesDisableADigestArrivesAndPostsAreArchivedAsThreads() throws Exception {
        try {
            run();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
        }
    }

    private void run() throws Exception {
        try (SmtpSink sink = new SmtpSink(work.resolve("sink"), sinkPort).start();
                QuireProcess quire = QuireProcess.start(work, work.resolve("quire-run.out"), "--demo", "--config",
                        config.toString())) {
            update("UPDATE member SET delivery_mode = 'MIME_DIGEST' WHERE address = 'bob@example.test'");
            update("UPDATE mailing_list SET digest_size_threshold_kb = 3 WHERE name = 'demo'");

            // 1. a real Postfix bounce for carol's VERP address: scored, not yet disabled
            assertEquals("250", smtp("", "demo-bounces+carol=remote.test@lists.example.test",
                    Files.readAllBytes(BOUNCES.resolve("postfix-remote-rejected-verp.eml"))));
            Poll.until("carol's first bounce scored", WAIT,
                    () -> query("SELECT bounce_score FROM member WHERE address = 'carol@remote.test'")
                            .equals(List.of("1.00")));
            assertEquals(List.of("carol@remote.test|VERP|1|5.3.0|1"),
                    query("SELECT address, method, permanent, status, processed FROM bounce_event"));
            assertEquals(List.of("1|"), query("SELECT delivery_enabled, COALESCE(disabled_reason, '') FROM member"
                    + " WHERE address = 'carol@remote.test'"));

            // 2. the next day (one score per day) a real Exim bounce takes her past a threshold of 2
            update("UPDATE member SET last_bounce_at = last_bounce_at - INTERVAL 1 DAY"
                    + " WHERE address = 'carol@remote.test'");
            update("UPDATE mailing_list SET bounce_score_threshold = 2 WHERE name = 'demo'");
            assertEquals("250", smtp("", "demo-bounces+carol=remote.test@lists.example.test",
                    Files.readAllBytes(BOUNCES.resolve("exim-remote-rejected-verp.eml"))));
            Poll.until("carol disabled by bounces", WAIT,
                    () -> query("SELECT delivery_enabled, disabled_reason FROM member"
                            + " WHERE address = 'carol@remote.test'").equals(List.of("0|BY_BOUNCES")));
            assertEquals(List.of("BOUNCE_SCORED", "BOUNCE_SCORED", "BOUNCE_DISABLED", "BOUNCE_WARNED"),
                    query("SELECT event FROM membership_event WHERE address = 'carol@remote.test' ORDER BY id"));
            Poll.until("the warning at carol's mail server", WAIT, () -> sink.messages().stream()
                    .anyMatch(m -> m.contains("X-Rcpt-Args: <carol@remote.test>")
                            && m.contains("Subject: Your membership of Demo list is disabled (warning 1 of 3)")));

            // 3. a post and a reply: archived as one thread; bob's digest passes the 3 KB threshold with the second (each post with its list fields is about 2.2 KB)
            String body = "The agenda for Thursday, item by item.\n".repeat(30);
            assertEquals("250", smtp("alice@example.test", "demo@lists.example.test", post("alice@example.test",
                    "agenda", "<root-e2e@example.test>", "", body)));
            Poll.until("the post archived", WAIT, () -> query("SELECT COUNT(*) FROM archived_message")
                    .equals(List.of("1")));
            assertEquals("250", smtp("bob@example.test", "demo@lists.example.test", post("bob@example.test",
                    "Re: agenda", "<reply-e2e@example.test>", "In-Reply-To: <root-e2e@example.test>\r\n", body)));
            Poll.until("both posts archived", WAIT, () -> query("SELECT COUNT(*) FROM archived_message")
                    .equals(List.of("2")));
            List<String> archived = query("SELECT a.message_id, a.thread_id = r.id, COALESCE(a.parent_id = r.id, 0),"
                    + " a.subject FROM archived_message a JOIN archived_message r ON r.message_id = 'root-e2e@example.test'"
                    + " ORDER BY a.id");
            assertEquals(List.of("root-e2e@example.test|1|0|[demo] agenda",
                    "reply-e2e@example.test|1|1|[demo] Re: agenda"), archived);

            Poll.until("a MIME digest in bob's Maildir", WAIT,
                    () -> maildir("bob").stream().anyMatch(p -> read(p).contains("Demo list Digest, Vol 1, Issue 1")));
            String digest = maildir("bob").stream().map(ListBouncesDigestsArchivesIT::read)
                    .filter(m -> m.contains("Demo list Digest, Vol 1, Issue 1")).findFirst().orElseThrow();
            assertTrue(digest.contains("Content-Type: multipart/digest"), digest);
            assertTrue(digest.contains("   1. [demo] agenda (alice@example.test)"), digest);
            assertTrue(digest.contains("   2. [demo] Re: agenda (bob@example.test)"), digest);
            assertTrue(digest.contains("Message-Id: <reply-e2e@example.test>")
                    || digest.contains("Message-ID: <reply-e2e@example.test>"), digest);
            assertEquals(List.of("0"), query("SELECT COUNT(*) FROM digest_entry"), "sent entries are cleared");
            assertEquals(List.of("2"), query("SELECT digest_issue FROM mailing_list WHERE name = 'demo'"));

            // carol, disabled, got the warning but no post
            Poll.until("alice's copies delivered", WAIT, () -> maildir("alice").size() == 2);
            assertTrue(sink.messages().stream().noneMatch(m -> m.contains("agenda for Thursday, item by item")),
                    "no post went to carol's server after her delivery was disabled");

            // 4. quire archive: a Mailman 2 mbox comes in threaded (its second copy of m1 skipped), the whole
            // archive goes out as mboxrd, and importing that export again adds nothing
            Path mailman2 = Path.of("..", "lists-war", "src", "test", "resources", "archives", "mailman2-demo.mbox")
                    .toAbsolutePath();
            Cli imported = quire("archive", "import", "demo@lists.example.test", mailman2.toString());
            assertEquals(0, imported.status(), imported.output());
            for (String count : List.of("\"read\":4", "\"imported\":3", "\"duplicates\":1")) {
                assertTrue(imported.output().contains(count), imported.output());
            }
            assertEquals(List.of("m1@example.test||1", "m2@example.test|m1@example.test|1",
                    "m3@remote.test|m2@example.test|1"),
                    query("SELECT a.message_id, COALESCE(p.message_id, ''),"
                            + " a.thread_id = r.id FROM archived_message a LEFT JOIN archived_message p"
                            + " ON p.id = a.parent_id JOIN archived_message r ON r.message_id = 'm1@example.test'"
                            + " WHERE a.message_id LIKE 'm_@%' ORDER BY a.id"));

            Path exported = work.resolve("demo-export.mbox");
            Cli export = quire("archive", "export", "demo@lists.example.test", exported.toString());
            assertEquals(0, export.status(), export.output());
            String mbox = Files.readString(exported, StandardCharsets.ISO_8859_1);
            assertEquals(5, mbox.lines().filter(l -> l.matches("From \\S+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) .*")).count(),
                    mbox);
            assertTrue(mbox.contains("\n>From Monday on the office is closed.\n"), "From_ quoting kept: " + mbox);
            assertTrue(mbox.contains("Message-Id: <reply-e2e@example.test>")
                    || mbox.contains("Message-ID: <reply-e2e@example.test>"), mbox);
            Cli toStdout = quire("archive", "export", "demo@lists.example.test");
            assertEquals(0, toStdout.status(), toStdout.output());
            assertTrue(toStdout.output().contains("\nMessage-ID: <m2@example.test>\n"), toStdout.output());

            Cli again = quire("archive", "import", "demo@lists.example.test", exported.toString());
            assertTrue(again.output().contains("\"imported\":0") && again.output().contains("\"duplicates\":5"),
                    again.output());
            Path notMbox = Files.writeString(work.resolve("notes.txt"), "just some notes\n");
            Cli refused = quire("archive", "import", "demo@lists.example.test", notMbox.toString());
            assertEquals(1, refused.status(), refused.output());
            assertTrue(refused.output().contains("Quire answered 400"), refused.output());
            Cli noList = quire("archive", "export", "nosuch@lists.example.test", work.resolve("x.mbox").toString());
            assertTrue(noList.output().contains("Quire answered 404"), noList.output());

            // the endpoints need the owner role: a moderator's token gets 403, a token without a role 404
            String moderator = "qt_moderator-token-for-the-archive-test-0123456789";
            String stranger = "qt_stranger-token-for-the-archive-test-0123456789";
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO member (list_id, address, role) SELECT id, 'mod@example.test',"
                        + " 'MODERATOR' FROM mailing_list WHERE name = 'demo'");
                s.executeUpdate("INSERT INTO site_user (username, password_hash, site_admin, email) VALUES"
                        + " ('mod', 'x', FALSE, 'mod@example.test'), ('stranger', 'x', FALSE, 'stranger@example.test')");
                s.executeUpdate("INSERT INTO api_token (site_user_id, name, token_hash) SELECT id, 'e2e', '"
                        + SecretHash.of(moderator) + "' FROM site_user WHERE username = 'mod'");
                s.executeUpdate("INSERT INTO api_token (site_user_id, name, token_hash) SELECT id, 'e2e', '"
                        + SecretHash.of(stranger) + "' FROM site_user WHERE username = 'stranger'");
            }
            Cli asModerator = quireAs(moderator, "archive", "import", "demo@lists.example.test", mailman2.toString());
            assertTrue(asModerator.output().contains("Quire answered 403"), asModerator.output());
            Cli asModeratorOut = quireAs(moderator, "archive", "export", "demo@lists.example.test");
            assertTrue(asModeratorOut.output().contains("Quire answered 403"), asModeratorOut.output());
            Cli asStranger = quireAs(stranger, "archive", "export", "demo@lists.example.test");
            assertTrue(asStranger.output().contains("Quire answered 404"), asStranger.output());
            assertEquals(List.of("5"), query("SELECT COUNT(*) FROM archived_message"), "nothing changed");
        }
    }

    private record Cli(int status, String output) {
    }

    /** Runs the {@code quire} launcher with this test's configuration; output and errors together. */
    private Cli quire(String... args) throws Exception {
        return quireAs(null, args);
    }

    /** The same with an API token of someone else's than the site admin's ({@code QUIRE_API_TOKEN}). */
    private Cli quireAs(String token, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(QuireProcess.LAUNCHER.toString(), args[0], "--config",
                config.toString()));
        cmd.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (token != null) {
            pb.environment().put("QUIRE_API_TOKEN", token);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Cli(p.waitFor(), out);
    }

    private static byte[] post(String from, String subject, String messageId, String extra, String body) {
        return ("From: " + from + "\r\nTo: demo@lists.example.test\r\nSubject: " + subject + "\r\nMessage-Id: "
                + messageId + "\r\n" + extra + "\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    /** One SMTP transaction to Quire's MX listener; returns the reply code after DATA. */
    private String smtp(String from, String to, byte[] message) throws IOException {
        try (Socket s = new Socket("127.0.0.1", smtpPort)) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream o = s.getOutputStream();
            reply(in);
            send(o, "EHLO e2e.test");
            reply(in);
            send(o, "MAIL FROM:<" + from + ">");
            assertEquals("250", reply(in).substring(0, 3));
            send(o, "RCPT TO:<" + to + ">");
            String rcpt = reply(in);
            assertTrue(rcpt.startsWith("250"), rcpt);
            send(o, "DATA");
            reply(in);
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
            StringBuilder sb = new StringBuilder();
            for (String line : text.split("\r\n", -1)) {
                sb.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            o.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            send(o, ".");
            String done = reply(in);
            send(o, "QUIT");
            return done.substring(0, 3);
        }
    }

    private static void send(OutputStream o, String line) throws IOException {
        o.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        o.flush();
    }

    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private void update(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertTrue(s.executeUpdate(sql) > 0, sql);
        }
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

    private List<Path> maildir(String user) throws IOException {
        Path dir = data.resolve("mail/example.test").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
