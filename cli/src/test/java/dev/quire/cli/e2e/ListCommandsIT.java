package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email commands and subscription workflows on the real stack, as members and moderators use them with a
 * mail client (Python's smtplib): help, set, who, subscribe for someone else, confirm, unsubscribe, the
 * {@code -join}, {@code -leave}, {@code -confirm+TOKEN} and {@code -owner} addresses, a confirm-then-moderate
 * subscription approved and another rejected by the owner replying to the notices, and an auto-reply that
 * gets no answer. Replies are read from the local Maildirs (alice, bob) and the smarthost (remote people).
 */
class ListCommandsIT extends DemoEndToEndSetup {
    private static final Duration MAIL = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("\nSubject: confirm ([0-9a-f]{40})\n");

    @TempDir
    Path work;

    private SmtpSink sink;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        demo(work,
                "quire.queue.retry.min=PT1S",
                "quire.queue.retry.max=PT2S");
    }

    @Test
    void everyEmailCommandAndAConfirmThenModerateSubscription() throws Exception {
        try (SmtpSink s = new SmtpSink(work.resolve("sink"), sinkPort).start();
                QuireProcess quire = QuireProcess.start(work, work.resolve("run.out"), "--demo", "--config",
                        config.toString())) {
            sink = s;
            commands();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
        }
    }

    private void commands() throws Exception {
        sql("INSERT INTO member (list_id, address, role) SELECT id, 'bob@example.test', 'OWNER' FROM mailing_list"
                + " WHERE name = 'demo'");
        sql("UPDATE mailing_list SET subscription_policy = 'CONFIRM_THEN_MODERATE', unsubscription_policy = 'CONFIRM',"
                + " roster_visibility = 'MEMBERS' WHERE name = 'demo'");

        // help, from list-request@ with the list's bounce address as envelope sender
        send("alice@example.test", "demo-request@lists.example.test", "help", "");
        String help = local("alice", m -> m.contains("Subject: Re: help"));
        assertTrue(help.startsWith("Return-Path: <demo-bounces@lists.example.test>"), help);
        assertTrue(help.contains("From: \"Demo list\" <demo-request@lists.example.test>")
                || help.contains("From: Demo list <demo-request@lists.example.test>"), help);
        assertTrue(text(help).contains("  subscribe [address]      join the list"), text(help));

        // an auto-reply gets no answer (the help that follows does, so the first was processed before it)
        send("alice@example.test", "demo-request@lists.example.test", "Out of office: help", "help",
                "Auto-Submitted: auto-replied");
        // set, who, an unknown command; end stops; a signature would too
        send("alice@example.test", "demo-request@lists.example.test", "set digest mime",
                "set hide off\nset\nwho\nfrobnicate\nend\nhelp\n");
        String results = text(local("alice", m -> m.contains("Subject: Re: set digest mime")));
        Poll.until("the auto-reply to be read and ignored", MAIL, () -> Files.readString(data.resolve(
                "log/payara.log"), StandardCharsets.ISO_8859_1).contains(
                        "automated message to demo-request@lists.example.test from <alice@example.test> ignored"));
        assertEquals(2, maildir("alice").size(), "the auto-reply got nothing back");
        assertTrue(results.contains("> set digest mime\ndigest is now mime.\n"), results);
        assertTrue(results.contains("> set hide off\nhide is now off.\n"), results);
        assertTrue(results.contains("> set\nYour options on demo@lists.example.test:\n  delivery on\n  digest mime\n"
                + "  ack off\n  notmetoo off\n  hide off\n"), results);
        assertTrue(results.contains("> who\nMembers of demo@lists.example.test (3):\n  alice@example.test\n"
                + "  and 2 who hide their address\n"), results);
        assertTrue(results.contains("> frobnicate\nUnknown command \"frobnicate\"."), results);
        assertTrue(!results.contains("> help"), "nothing after end: " + results);
        assertEquals("MIME_DIGEST|0", query("SELECT delivery_mode, hide_address FROM member WHERE address ="
                + " 'alice@example.test' AND role = 'MEMBER'"));

        // who is not shown to a non-member
        send("mallory@remote.test", "demo-request@lists.example.test", "who", "");
        assertTrue(text(remote("mallory@remote.test", m -> m.contains("Subject: Re: who"))).contains(
                "The member list of demo@lists.example.test is not shown to mallory@remote.test."));

        // confirm-then-moderate: dave writes to -join, confirms by replying, the owner approves by replying
        send("dave@remote.test", "demo-join@lists.example.test", "please", "");
        String daveToken = token(remote("dave@remote.test", m -> TOKEN.matcher(m).find()));
        send("dave@remote.test", "demo-confirm+" + daveToken + "@lists.example.test", "Re: confirm " + daveToken,
                "> quoted notice");
        String approval = local("bob", m -> m.contains("asks to join"));
        String bobsToken = token(approval);
        assertTrue(approval.contains("Reply-To: demo-confirm+" + bobsToken + "@lists.example.test"), approval);
        assertEquals("", query("SELECT address FROM member WHERE address = 'dave@remote.test'"));
        send("bob@example.test", "demo-confirm+" + bobsToken + "@lists.example.test", "Re: confirm " + bobsToken,
                "Fine with me.");
        remote("dave@remote.test", m -> m.contains("Subject: Welcome to the \"Demo list\" mailing list"));
        assertTrue(text(local("bob", m -> m.contains("Subject: Re: confirm " + bobsToken))).contains(
                "dave@remote.test is now a member of demo@lists.example.test."));
        assertEquals("MEMBER", query("SELECT role FROM member WHERE address = 'dave@remote.test'"));

        // alice subscribes erin: erin confirms with the confirm command, the owner rejects with a reason
        send("alice@example.test", "demo-request@lists.example.test", "subscribe erin@remote.test", "");
        assertTrue(text(local("alice", m -> m.contains("Subject: Re: subscribe erin@remote.test"))).contains(
                "A confirmation request was sent to erin@remote.test"));
        String erinToken = token(remote("erin@remote.test", m -> TOKEN.matcher(m).find()));
        send("erin@remote.test", "demo-request@lists.example.test", "commands", "confirm " + erinToken);
        String erinApproval = local("bob", m -> m.contains("erin@remote.test asks to join"));
        send("bob@example.test", "demo-confirm+" + token(erinApproval) + "@lists.example.test", "Re: confirm",
                "reject we do not know you");
        assertTrue(text(remote("erin@remote.test", m -> m.contains("was rejected"))).contains(
                "    we do not know you"));
        assertEquals("", query("SELECT address FROM member WHERE address = 'erin@remote.test'"));
        assertEquals("REQUEST_REJECTED|bob@example.test", query("SELECT event, actor FROM membership_event WHERE"
                + " address = 'erin@remote.test'"));

        // alice leaves: -leave asks for confirmation, a reply to list-request with the subject confirms
        send("alice@example.test", "demo-leave@lists.example.test", "bye", "");
        String leaveToken = token(local("alice", m -> m.contains("to unsubscribe alice@example.test")));
        send("alice@example.test", "demo-request@lists.example.test", "Re: confirm " + leaveToken, "");
        assertTrue(text(local("alice", m -> m.contains("Subject: You have left the"))).contains(
                "alice@example.test has left the Demo list mailing list"));
        assertEquals("", query("SELECT address FROM member WHERE address = 'alice@example.test'"));

        // list-owner@ reaches the owner as sent, from the bounce address
        send("erin@remote.test", "demo-owner@lists.example.test", "Why was I rejected?", "Hello owners.");
        String forwarded = local("bob", m -> m.contains("Subject: Why was I rejected?"));
        assertTrue(forwarded.startsWith("Return-Path: <demo-bounces@lists.example.test>"), forwarded);
        assertTrue(forwarded.contains("X-BeenThere: demo-owner@lists.example.test"), forwarded);
        assertTrue(forwarded.contains("From: erin@remote.test"), forwarded);

        assertEquals(List.of("SUBSCRIBED|dave@remote.test|bob@example.test",
                "UNSUBSCRIBED|alice@example.test|alice@example.test"),
                queryAll("SELECT event, address, actor FROM"
                        + " membership_event WHERE event IN ('SUBSCRIBED', 'UNSUBSCRIBED') ORDER BY id"));
    }

    private void send(String from, String to, String subject, String body, String... headers) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", script("send_mail.py").toString(), String.valueOf(
                smtpPort), from, to, subject, body));
        cmd.addAll(List.of(headers));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("ACCEPTED", out.strip(), "sending to " + to);
    }

    /** Waits for a message in a local Maildir (alice, bob) that matches. */
    private String local(String user, Predicate<String> matches) throws Exception {
        String[] found = new String[1];
        Poll.until("a message for " + user + " matching", MAIL, () -> {
            for (Path p : maildir(user)) {
                String m = Files.readString(p, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
                if (matches.test(m + "\n" + text(m))) {
                    found[0] = m;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** Waits for a message to a remote address at the smarthost that matches. */
    private String remote(String address, Predicate<String> matches) throws Exception {
        String[] found = new String[1];
        Poll.until("a message for " + address + " at the smarthost", MAIL, () -> {
            for (String m : sink.messages()) {
                if (m.contains("X-Rcpt-Args: <" + address + ">") && matches.test(m + "\n" + text(m))) {
                    found[0] = m;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private static String token(String message) {
        Matcher m = TOKEN.matcher(message);
        assertTrue(m.find(), message);
        return m.group(1);
    }

    /** The body of a quoted-printable notice, decoded (ASCII text). */
    private static String text(String message) {
        String body = message.substring(message.indexOf("\n\n") + 2).replace("=\n", "");
        Matcher m = Pattern.compile("=([0-9A-F]{2})").matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
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

    private void sql(String statement) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private String query(String sql) throws Exception {
        return String.join("\n", queryAll(sql));
    }

    private List<String> queryAll(String sql) throws Exception {
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
        return Path.of(ListCommandsIT.class.getResource("/e2e/" + name).toURI());
    }
}
