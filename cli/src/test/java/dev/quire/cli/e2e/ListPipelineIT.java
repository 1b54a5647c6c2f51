package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post through the running Quire as members receive it: subject prefix, Reply-To to the list, the RFC
 * 2369/2919 fields, the list's footer, the inbound Authentication-Results, a DKIM signature and an ARC seal
 * with the list domain's key that Debian's dkimpy verifies; then, with the list personalized, one copy per
 * member from its VERP address with that member's one-click unsubscribe URL (RFC 8058) in List-Unsubscribe
 * and the footer, and From munged for an author whose domain publishes DMARC p=reject.
 */
class ListPipelineIT extends DemoEndToEndSetup {
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path work;

    private Path keyRecord;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        assumeTrue(Files.isExecutable(PYTHON), "python3-dkim is installed by scripts/install-test-deps.sh");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Path pem = work.resolve("lists.example.test.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        keyRecord = work.resolve("e2e._domainkey.lists.example.test.txt");
        Files.writeString(keyRecord,
                "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        Path dmarc = work.resolve("dmarc.txt");
        Files.writeString(dmarc, "_dmarc.remote.test v=DMARC1; p=reject\n");
        demo(work,
                "quire.web.url=https://lists.example.test",
                "quire.dkim.lists.example.test.key=" + pem,
                "quire.dkim.lists.example.test.selector=e2e",
                "quire.dmarc.static=" + dmarc);
    }

    @Test
    void membersGetDecoratedSignedCopiesAndPersonalizedOnesFromTheirVerpAddress() throws Exception {
        try {
            path();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
        }
    }

    private void path() throws Exception {
        try (SmtpSink sink = new SmtpSink(work.resolve("sink"), sinkPort).start();
                QuireProcess quire = QuireProcess.start(work, work.resolve("quire-run.out"), "--demo", "--config",
                        config.toString())) {
            sql("UPDATE mailing_list SET reply_to_policy = 'LIST', footer_template = '-- \\n$display_name"
                    + " <$list_id>\\nLeave: $unsubscribe_url' WHERE name = 'demo'");

            // one common copy for all: decorated, list fields, signed and sealed
            post("alice@example.test", "Re: [demo] Re: agenda", "<p1@example.test>", "See you at ten.");
            Poll.until("a copy for alice, bob and carol", DELIVERY,
                    () -> maildir("alice").size() == 1 && maildir("bob").size() == 1 && sink.messages().size() == 1);
            String alice = read(maildir("alice").get(0));
            assertTrue(alice.startsWith("Return-Path: <demo-bounces@lists.example.test>\r\n"), alice);
            assertHeader(alice, "Subject", "[demo] Re: agenda");
            assertHeader(alice, "From", "alice@example.test");
            assertHeader(alice, "Reply-To", "demo@lists.example.test");
            assertHeader(alice, "List-Id", "Demo list <demo.lists.example.test>");
            assertHeader(alice, "List-Help", "<mailto:demo-request@lists.example.test?subject=help>");
            assertHeader(alice, "List-Subscribe", "<mailto:demo-join@lists.example.test>");
            assertHeader(alice, "List-Unsubscribe", "<mailto:demo-leave@lists.example.test>");
            assertHeader(alice, "List-Post", "<mailto:demo@lists.example.test>");
            assertHeader(alice, "List-Owner", "<mailto:demo-owner@lists.example.test>");
            assertHeader(alice, "List-Archive", "<https://lists.example.test/archives/demo.lists.example.test/>");
            assertHeader(alice, "Authentication-Results", "mx.quire.test; dkim=none");
            assertTrue(alice.contains("\r\n\r\nSee you at ten.\r\n"), alice);
            assertTrue(alice.endsWith("\r\n-- \r\nDemo list <demo.lists.example.test>\r\n"
                    + "Leave: mailto:demo-leave@lists.example.test\r\n"), "the footer ends the body: " + alice);
            String dkim = unfolded(alice, "DKIM-Signature");
            assertTrue(dkim.contains("d=lists.example.test;") && dkim.contains("s=e2e;"), dkim);
            assertVerified(maildir("alice").get(0));
            assertVerified(maildir("bob").get(0));
            assertTrue(sink.messages().get(0).contains("X-Rcpt-Args: <carol@remote.test>"));

            // personalized: one copy per member, VERP sender, the member's own one-click URL
            sql("UPDATE mailing_list SET personalize = TRUE WHERE name = 'demo'");
            post("carol@remote.test", "minutes", "<p2@remote.test>", "Minutes attached.");
            Poll.until("personalized copies for alice, bob and carol", DELIVERY,
                    () -> maildir("alice").size() == 2 && maildir("bob").size() == 2 && sink.messages().size() == 2);
            String a = read(maildir("alice").get(1));
            String b = read(maildir("bob").get(1));
            assertTrue(a.startsWith("Return-Path: <demo-bounces+alice=example.test@lists.example.test>\r\n"), a);
            assertTrue(b.startsWith("Return-Path: <demo-bounces+bob=example.test@lists.example.test>\r\n"), b);
            String carol = sink.messages().stream().filter(m -> m.contains("Minutes attached.")).findFirst()
                    .orElseThrow();
            assertTrue(carol.contains("X-Mail-Args: <demo-bounces+carol=remote.test@lists.example.test>"), carol);

            assertHeader(a, "From", "carol via Demo list <demo@lists.example.test>");
            assertHeader(a, "Cc", "carol@remote.test");
            assertHeader(a, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            String aUrl = oneClickUrl(a);
            String bUrl = oneClickUrl(b);
            assertNotEquals(aUrl, bUrl, "each member has their own token");
            assertTrue(a.contains("\r\nLeave: " + aUrl + "\r\n"), "the footer carries alice's own URL: " + a);
            assertTrue(b.contains("\r\nLeave: " + bUrl + "\r\n"), b);
            assertVerified(maildir("alice").get(1));
            assertVerified(maildir("bob").get(1));
        }
    }

    private static String oneClickUrl(String copy) {
        Matcher m = Pattern.compile("<(https://lists\\.example\\.test/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)>, "
                + "<mailto:demo-leave@lists\\.example\\.test>").matcher(unfolded(copy, "List-Unsubscribe"));
        assertTrue(m.matches(), unfolded(copy, "List-Unsubscribe"));
        return m.group(1);
    }

    private void assertVerified(Path copy) throws Exception {
        String verdict = run(PYTHON.toString(), script("dkim_verify.py").toString(), copy.toString(),
                keyRecord.toString());
        assertTrue(verdict.contains("dkim=True"), verdict + "\n" + read(copy));
        assertTrue(verdict.contains("arc=pass"), verdict + "\n" + read(copy));
    }

    private static void assertHeader(String message, String name, String value) {
        assertEquals(value, unfolded(message, name), message);
    }

    /** The first field of that name, unfolded. */
    private static String unfolded(String message, String name) {
        String head = message.substring(0, message.indexOf("\r\n\r\n") + 2);
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \t]*((?:.*\r\n)(?:[ \t].*\r\n)*)")
                .matcher(head);
        assertTrue(m.find(), name + " missing: " + message);
        return m.group(1).replaceAll("\r\n(?=[ \t])", "").strip();
    }

    private void post(String from, String subject, String messageId, String body) throws Exception {
        String swaks = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--from", from, "--to",
                "demo@lists.example.test", "--header", "Subject: " + subject, "--header", "Message-Id: " + messageId,
                "--body", body);
        assertTrue(swaks.contains("<-  250 2.0.0 Ok: queued as"), swaks);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement.replace("\\n", "\n"));
        }
    }

    private List<Path> maildir(String user) throws Exception {
        Path dir = data.resolve("mail/example.test").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted((x, y) -> {
                try {
                    return Files.getLastModifiedTime(x).compareTo(Files.getLastModifiedTime(y));
                } catch (Exception e) {
                    return x.compareTo(y);
                }
            }).toList();
        }
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }

    private static Path script(String name) throws Exception {
        return Path.of(ListPipelineIT.class.getResource("/e2e/" + name).toURI());
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
