package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.db.user.PasswordHash;

/**
 * The posting chain and the moderation queue on the real stack, driven by Python's smtplib through the
 * MTA: a member's post reaches every member; a non-member's is held and the moderator gets a notice with
 * the reasons, the post and a reply token; posts carrying the moderator password (header or first body
 * line) go out without it; banned senders get a rejection notice; header matches discard or hold.
 */
class PostingChainEndToEndIT extends DemoEndToEndSetup {
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        demo(work,
                "quire.queue.retry.min=PT1S",
                "quire.queue.retry.max=PT2S");
    }

    @Test
    void theChainAcceptsHoldsRejectsAndDiscardsAndTellsTheModerator() throws Exception {
        try (SmtpSink sink = new SmtpSink(work.resolve("sink"), sinkPort).start();
                QuireProcess quire = QuireProcess.start(work, work.resolve("quire-run.out"), "--demo", "--config",
                        config.toString())) {
            try {
                run(sink);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
            }
        }
    }

    private void run(SmtpSink sink) throws Exception {
        configureDemoList();

        List<String> py = run("python3", script("posting_chain.py").toString(), String.valueOf(smtpPort)).lines()
                .toList();
        assertEquals(List.of("ACCEPTED member-1@example.test", "ACCEPTED held-1@remote.test",
                "ACCEPTED approved-1@remote.test", "ACCEPTED approved-2@remote.test", "ACCEPTED banned-1@remote.test",
                "ACCEPTED banned-2@remote.test", "ACCEPTED spam-flag-1@example.test",
                "ACCEPTED lottery-1@example.test"),
                py);

        // three posts go out (alice, bob: Maildirs; carol: the smarthost); bob also gets two moderator notices;
        // the two banned senders get a rejection notice each at the smarthost; the two posters of held posts
        // (mallory at the smarthost, alice) are told their posts await approval
        Poll.until("every copy and notice delivered", DELIVERY, () -> maildir("alice").size() == 4
                && maildir("bob").size() == 5 && sink.messages().size() == 6);
        Poll.until("an empty queue", DELIVERY, this::spoolEmpty);

        List<String> copies = new ArrayList<>(read(maildir("alice")));
        copies.removeIf(m -> !m.contains("List-Id: Demo list <demo.lists.example.test>")); // alice's held notice
        copies.addAll(sink.messages().stream().filter(m -> m.contains("X-Rcpt-Args: <carol@remote.test>")).toList());
        assertEquals(6, copies.size(), "three posts to alice and carol");
        for (String id : List.of("member-1@example.test", "approved-1@remote.test", "approved-2@remote.test")) {
            assertEquals(2, copies.stream().filter(c -> c.contains("Message-ID: <" + id + ">")).count(), id);
        }
        for (String c : copies) {
            assertTrue(c.contains("List-Id: Demo list <demo.lists.example.test>"), c);
            assertTrue(!c.contains("s3cret") && !c.contains("Approved:"), "the password never reaches members: " + c);
        }
        assertTrue(copies.stream().anyMatch(c -> unix(c).contains("Subject: [demo] approved by body\n")
                && unix(c).endsWith("\n\nThe office is closed on Friday.\n")), String.join("\n----\n", copies));

        // the list's copies (notices carry no List-Id): only the three accepted posts, to each member once
        List<String> listCopies = new ArrayList<>(read(maildir("alice")));
        listCopies.addAll(read(maildir("bob")));
        listCopies.addAll(sink.messages());
        listCopies.removeIf(m -> !m.contains("List-Id: Demo list <demo.lists.example.test>"));
        assertEquals(9, listCopies.size());
        for (String id : List.of("held-1@remote.test", "spam-flag-1@example.test", "lottery-1@example.test",
                "banned-1@remote.test", "banned-2@remote.test")) {
            assertTrue(listCopies.stream().noneMatch(m -> m.contains("Message-ID: <" + id + ">")),
                    id + " went nowhere");
        }

        // held: the non-member's post and the header match, each with its reasons, each with a token
        assertEquals(List.of(
                "mallory@remote.test|<held-1@remote.test>|nonmember-moderation: the message is not from a list member"
                        + " (mallory@remote.test)",
                "alice@example.test|<lottery-1@example.test>|header-match: the Subject header matches lottery (hold)"),
                query("SELECT sender, message_id, reasons FROM held_message ORDER BY message_id"));
        assertEquals(List.of("2"), query("SELECT COUNT(*) FROM pending_request WHERE kind = 'HELD_POST'"));
        List<String> token = query("SELECT p.token FROM pending_request p JOIN held_message h"
                + " ON p.data = CONCAT('{\"held\":', h.id, '}') WHERE h.message_id = '<held-1@remote.test>'");

        // the moderator's notice: reasons, instructions, the post attached, a reply address with the token
        String notice = read(maildir("bob")).stream().filter(m -> m.contains("post from mallory@remote.test"))
                .findFirst().orElseThrow(() -> new AssertionError("no notice about mallory's post for bob"));
        String u = unix(notice);
        assertTrue(u.contains("\nSubject: Demo list post from mallory@remote.test requires approval\n"), notice);
        assertTrue(Pattern.compile("\nFrom: \"?Demo list\"? <demo-owner@lists\\.example\\.test>\n").matcher(u).find(),
                notice);
        Matcher replyTo = Pattern.compile("\nReply-To: demo-confirm\\+([0-9a-f]{40})@lists\\.example\\.test\n")
                .matcher(u);
        assertTrue(replyTo.find(), notice);
        assertEquals(token, List.of(replyTo.group(1)));
        String text = quotedPrintable(u);
        assertTrue(text.contains("- nonmember-moderation: the message is not from a list member (mallory@remote.test)"),
                text);
        assertTrue(text.contains("reject <reason>        return it to the sender with your reason"), text);
        assertTrue(u.contains("\nContent-Type: message/rfc822\n"), notice);
        assertTrue(u.contains("\nMessage-ID: <held-1@remote.test>\n"), notice);

        // the posters of held posts are told they await approval, with every reason, with the null envelope sender
        String mallorys = sink.messages().stream().filter(m -> m.contains("X-Rcpt-Args: <mallory@remote.test>"))
                .findFirst().orElseThrow(() -> new AssertionError("no held notice to mallory"));
        assertTrue(mallorys.contains("X-Mail-Args: <>"), mallorys);
        assertTrue(unix(mallorys).contains("\nSubject: Your message to Demo list awaits moderator approval\n"),
                mallorys);
        assertTrue(quotedPrintable(unix(mallorys)).contains("nonmember-moderation: the message is not from a list"
                + " member (mallory@remote.test)"), mallorys);
        String alices = read(maildir("alice")).stream().filter(m -> m.contains("awaits moderator approval"))
                .findFirst().orElseThrow(() -> new AssertionError("no held notice to alice"));
        assertTrue(quotedPrintable(unix(alices)).contains("header-match: the Subject header matches lottery (hold)"),
                alices);

        // the banned senders are told why, from the list's owner address, with the null envelope sender
        for (String[] banned : new String[][]{{"troll@remote.test", "is banned from this list"},
                {"spam42@remote.test", "is banned from this site"}}) {
            String rejection = sink.messages().stream().filter(m -> m.contains("X-Rcpt-Args: <" + banned[0] + ">"))
                    .findFirst().orElseThrow(() -> new AssertionError("no rejection notice to " + banned[0]));
            assertTrue(rejection.contains("X-Mail-Args: <>"), rejection);
            assertTrue(rejection.contains("\nSubject: Your message to Demo list was rejected\n"), rejection);
            assertTrue(quotedPrintable(unix(rejection)).contains("banned-address: " + banned[0] + " " + banned[1]),
                    rejection);
        }
    }

    /** Bob moderates the demo list; a moderator password, two bans, two header matches. */
    private void configureDemoList() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long list;
            try (ResultSet rs = s.executeQuery("SELECT id FROM mailing_list WHERE name = 'demo'")) {
                rs.next();
                list = rs.getLong(1);
            }
            s.executeUpdate("INSERT INTO member (list_id, address, role) VALUES (" + list
                    + ", 'bob@example.test', 'MODERATOR')");
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE mailing_list SET moderator_password_hash = ? WHERE id = ?")) {
                ps.setString(1, PasswordHash.create("s3cret".toCharArray()));
                ps.setLong(2, list);
                ps.executeUpdate();
            }
            s.executeUpdate("INSERT INTO ban (list_id, pattern) VALUES (" + list + ", 'troll@remote.test'),"
                    + " (NULL, '^spam[0-9]+@')");
            s.executeUpdate("INSERT INTO header_match (list_id, position, header, pattern, action) VALUES (" + list
                    + ", 1, 'X-Spam-Flag', '^yes', 'DISCARD'), (" + list + ", 2, 'Subject', 'lottery', 'HOLD')");
        }
    }

    /** Line ends as LF, since smtp-sink writes LF and Maildirs keep CRLF. */
    private static String unix(String message) {
        return message.replace("\r\n", "\n");
    }

    /** Undoes quoted-printable soft breaks and escapes well enough to read ASCII notice text. */
    private static String quotedPrintable(String text) {
        String joined = text.replace("=\n", "");
        Matcher m = Pattern.compile("=([0-9A-F]{2})").matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
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

    private static List<String> read(List<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : files) {
            out.add(Files.readString(p, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private boolean spoolEmpty() throws IOException {
        for (String q : List.of("incoming", "active", "deferred", "hold", "corrupt", "messages", "tmp")) {
            Path dir = data.resolve("spool").resolve(q);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.findAny().isPresent()) {
                        return false;
                    }
                }
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

    private static Path script(String name) throws Exception {
        return Path.of(PostingChainEndToEndIT.class.getResource("/e2e/" + name).toURI());
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return output;
    }
}
