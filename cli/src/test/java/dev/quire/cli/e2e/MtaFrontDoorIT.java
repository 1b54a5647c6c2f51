package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.db.TestDatabase;

/**
 * The MTA's front door on the real stack, as the department host of scenario 1 uses it: a restored host
 * starts quiescent and is checked with {@code quire verify} before it opens; relay control over every listener
 * and address trick; STARTTLS, implicit TLS and SMTP AUTH with an account imported from an older system;
 * aliases with special targets, a forward through the transport table and a pipe; SMTP smuggling and mail
 * loops refused. The client is Python's smtplib and ssl; the remote servers are Postfix's smtp-sink.
 */
class MtaFrontDoorIT {
    /** "secret pw" as OpenLDAP's {SSHA}, the way accounts arrive from older mail systems. */
    private static final String IMPORTED_HASH = "{SSHA}RvumZcIqqsSkUNL/OGkzOHmhlusBAgME";

    @TempDir
    Path work;

    private TestDatabase db;
    private Path config;
    private Path data;
    private Path ticketQueue;
    private int smtpPort;
    private int submissionPort;
    private int smtpsPort;
    private int staffmailPort;
    private int smarthostPort;
    private int bulkPort;
    private int refusingPort;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        db = TestDatabase.create();
        data = work.resolve("var");
        Path tables = Files.createDirectories(work.resolve("etc"));
        smtpPort = FreePorts.next();
        submissionPort = FreePorts.next();
        smtpsPort = FreePorts.next();
        staffmailPort = FreePorts.next();
        smarthostPort = FreePorts.next();
        bulkPort = FreePorts.next();
        refusingPort = FreePorts.next();
        ticketQueue = work.resolve("rt-queue.eml");
        Files.createDirectories(tables.resolve("aliases"));
        Files.writeString(tables.resolve("aliases/example.test"), String.join("\n",
                "# people forwarded to the staff mail service, a ticket queue, a team, retired and moving addresses",
                "jdoe: jdoe@staffmail.example",
                "rt: \"|/bin/sh -c 'cat > " + ticketQueue + "'\"",
                "team: alice,",
                "      bob",
                "info: :fail: This address is no longer in use",
                "busy: :defer: Mailbox being migrated",
                ""));
        Files.writeString(tables.resolve("transport"), "staffmail.example  [127.0.0.1]:" + staffmailPort + "\n"
                + "refusing.test  [127.0.0.1]:" + refusingPort + "\n");
        Files.writeString(tables.resolve("relay-domains"), "relayed.test\n");
        Files.writeString(tables.resolve("legacy-lists"), "example.test  lists.example.test\n");
        Files.writeString(tables.resolve("client-access"), "127.0.0.3:allow,RELAYCLIENT\n127.0.0.4:deny\n");
        config = work.resolve("quire.properties");
        Files.writeString(config, String.join("\n",
                "quire.data.dir=" + data,
                "quire.config.dir=" + tables,
                "quire.db.url=" + db.url(),
                "quire.db.user=" + TestDatabase.user(),
                "quire.db.password=" + TestDatabase.password(),
                "quire.hostname=mx.quire.test",
                "quire.smtp.port=" + smtpPort,
                "quire.submission.port=" + submissionPort,
                "quire.smtps.port=" + smtpsPort,
                "quire.internal.port=" + FreePorts.next(),
                "quire.lmtp.port=" + FreePorts.next(),
                "quire.http.port=" + FreePorts.next(),
                "quire.smarthost=127.0.0.1:" + smarthostPort,
                "quire.bulk.port=" + bulkPort,
                "quire.bulk.networks=127.0.0.1/32",
                "quire.bulk.helo=bulk.quire.test",
                "quire.relay.networks=127.0.0.2/32",
                "quire.pipe.allowed=/bin/sh",
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
    void aRestoredHostIsVerifiedThenOpenedAndItsFrontDoorHolds() throws Exception {
        try {
            frontDoor();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
        }
    }

    private void frontDoor() throws Exception {
        try (SmtpSink staffmail = new SmtpSink(work.resolve("staffmail"), staffmailPort).start();
                QuireProcess quire = QuireProcess.start(work, work.resolve("run.out"), "--quiescent", "--demo",
                        "--config", config.toString())) {
            assertTrue(quire.output().contains("Quiescent: every listener answers 421"), quire.output());
            assertTrue(banner(smtpPort).startsWith("421 4.3.2 "), "quiescent listeners refuse");

            // check routing address by address before opening the doors (scenario 1's recovery)
            Result verify = quire("verify", "rt", "jdoe", "demo", "nobody@example.test");
            assertEquals(List.of("rt... deliverable: mailer prog, user \"|/bin/sh -c 'cat > " + ticketQueue + "'\"",
                    "jdoe... deliverable: mailer esmtp, host [127.0.0.1]:" + staffmailPort
                            + ", user jdoe@staffmail.example",
                    "demo... deliverable: mailer list, list demo@lists.example.test",
                    "nobody@example.test... No such user"), verify.lines(), verify.output());
            assertEquals(67, verify.status(), "EX_NOUSER, as sendmail -bv");

            sql("INSERT INTO smtp_user (username, password_hash) VALUES ('jdoe', '" + IMPORTED_HASH + "')");
            assertEquals(0, quire("open").status());
            assertTrue(banner(smtpPort).startsWith("220 "));

            Map<String, String> seen = new LinkedHashMap<>();
            Result client = run("python3", script("front_door.py").toString(), String.valueOf(smtpPort),
                    String.valueOf(submissionPort), String.valueOf(smtpsPort), "jdoe", "secret pw");
            client.lines().stream().filter(l -> l.contains(": ")).forEach(l -> seen.put(l.substring(0,
                    l.indexOf(": ")), l.substring(l.indexOf(": ") + 2)));
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("relay", "554 5.7.1 Relay access denied");
            expected.put("relay-percent", "550 5.1.1 <victim%elsewhere.test@example.test>: Recipient address "
                    + "rejected: User unknown");
            expected.put("relay-bang", "550 5.1.1 <elsewhere.test!victim@example.test>: Recipient address "
                    + "rejected: User unknown");
            expected.put("relay-literal", "554 5.7.1 Relay access denied");
            expected.put("relay-domain", "250 2.1.5 Ok");
            expected.put("relay-trusted-network", "250 2.1.5 Ok");
            expected.put("relay-client-access", "250 2.1.5 Ok");
            expected.put("client-access-deny", "554 5.7.1 Access denied");
            expected.put("postmaster", "250 2.1.5 Ok");
            expected.put("mx-auth-relay", "250 2.1.5 Ok");
            expected.put("submission-plain", "530 5.7.0 Must issue a STARTTLS command first");
            expected.put("submission-tls-no-auth", "530 5.7.0 Authentication required");
            expected.put("submission-auth", "250 2.1.5 Ok");
            expected.put("submission-bad-password", "535 5.7.8 Authentication credentials invalid");
            expected.put("smtps-auth", "250 2.1.5 Ok");
            expected.put("smtps-cipher", "TLS");
            expected.put("alias-fail", "550 5.1.1 <info@example.test>: This address is no longer in use");
            expected.put("alias-defer", "451 4.3.0 <busy@example.test>: Mailbox being migrated");
            expected.put("unknown-user", "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown");
            expected.put("hops", "554 5.4.6 Too many hops (60 Received headers)");
            expected.put("aliases", "accepted");
            expected.forEach((k, v) -> assertEquals(v, seen.get(k), k + "\n" + client.output()));
            for (String k : List.of("relay-quoted", "relay-source-route", "relay-trailing-dot")) {
                assertTrue(seen.get(k).matches("5\\d\\d 5\\.\\d\\.\\d .*") && !seen.get(k).startsWith("250"),
                        k + ": " + seen.get(k));
            }
            String smuggling = seen.get("smuggling");
            assertTrue(smuggling.contains("550 5.6.0") && !smuggling.contains("354 End data with <CR><LF>.<CR><LF> |"
                    + " 250 2.0.0") && smuggling.split("354 ").length == 2, smuggling);

            // the accepted message reached every alias target: Maildirs, the staff mail service, the ticket pipe
            // smtp-sink creates its dump file at MAIL and writes it at the end of DATA: wait for the content
            Poll.until("alice, bob, the staff mail service and the ticket queue", Duration.ofSeconds(60),
                    () -> maildir("alice").size() == 1 && maildir("bob").size() == 1 && staffmail.messages().size() == 1
                            && staffmail.messages().get(0).contains("Subject: aliases")
                            && Files.exists(ticketQueue) && Files.readString(ticketQueue).contains("Subject: aliases"));
            assertTrue(staffmail.messages().get(0).contains("X-Rcpt-Args: <jdoe@staffmail.example>"),
                    staffmail.messages().get(0));
            assertTrue(read(maildir("alice").get(0)).contains("Subject: aliases"), "nothing smuggled reached alice");
            assertTrue(Files.readString(ticketQueue).contains("Message-ID: <aliases-1@remote.test>"));

            // the imported {SSHA} hash was replaced by Quire's own at the first login
            assertTrue(query("SELECT password_hash FROM smtp_user WHERE username = 'jdoe'")
                    .startsWith("$pbkdf2-sha256$"));

            // the bulk listener: only its network may send, and its mail leaves with its own HELO name
            Result outsider = run("swaks", "--server", "127.0.0.1:" + bulkPort, "--local-interface", "127.0.0.2",
                    "--from", "wiki@example.test", "--to", "reader@elsewhere.test");
            assertTrue(outsider.output().contains("<** 554 5.7.1 Access denied: this listener is internal"),
                    outsider.output());
            Result bulk = run("swaks", "--server", "127.0.0.1:" + bulkPort, "--from", "wiki@example.test", "--to",
                    "reader@elsewhere.test", "--header", "Subject: wiki digest");
            assertTrue(bulk.output().contains("<-  250 2.0.0 Ok: queued as"), bulk.output());
            Poll.until("the bulk message deferred (the smarthost is down)", Duration.ofSeconds(30),
                    () -> quire("queue").output().contains("\"DEFERRED\":1"));

            // maintenance: new connections get 421 and the queue holds its mail, even when the next hop is back
            assertEquals(0, quire("quiesce").status());
            assertTrue(banner(smtpPort).startsWith("421 4.3.2 "));
            assertTrue(banner(submissionPort).startsWith("421 4.3.2 "));
            try (SmtpSink smarthost = new SmtpSink(work.resolve("smarthost"), smarthostPort).start()) {
                Thread.sleep(4000);
                assertEquals(0, smarthost.messages().size(), "a quiescent queue delivers nothing");
                assertEquals(0, quire("open").status());
                assertTrue(banner(smtpPort).startsWith("220 "));
                Result flushed = quire("flush");
                assertTrue(flushed.output().matches("(?s)\\{\"requeued\":[01]\\}\\s*"), flushed.output());
                Poll.until("the held message delivered after opening", Duration.ofSeconds(30),
                        () -> smarthost.messages().size() == 1);
                assertTrue(smarthost.messages().get(0).contains("X-Helo-Args: bulk.quire.test"),
                        smarthost.messages().get(0));
            }
            // a remote refusal comes back to the sender as a delivery status notification, from <>
            try (SmtpSink refusing = new SmtpSink(work.resolve("refusing"), refusingPort, "-f", "RCPT").start()) {
                Result sent = run("swaks", "--server", "127.0.0.1:" + smtpPort, "--local-interface", "127.0.0.3",
                        "--from", "alice@example.test", "--to", "someone@refusing.test", "--header", "Subject: doomed",
                        "--header", "Message-Id: <doomed-1@example.test>");
                assertTrue(sent.output().contains("<-  250 2.0.0 Ok: queued as"), sent.output());
                Poll.until("the failure notice in alice's Maildir", Duration.ofSeconds(60),
                        () -> maildir("alice").size() == 2);
            }
            String dsn = read(maildir("alice").get(1)).replace("\r\n", "\n");
            for (String field : List.of("Return-Path: <>\n", "From: Mail Delivery System <MAILER-DAEMON@mx.quire.test>",
                    "Subject: Undelivered Mail Returned to Sender", "report-type=delivery-status",
                    "Reporting-MTA: dns; mx.quire.test", "Final-Recipient: rfc822; someone@refusing.test",
                    "Action: failed", "Status: 5.3.0", "Diagnostic-Code: smtp; 500 5.3.0 Error: command failed",
                    "Content-Type: message/rfc822",
                    "Message-Id: <doomed-1@example.test>", "Subject: doomed")) {
                assertTrue(dsn.contains(field), field + "\n" + dsn);
            }

            Poll.until("an empty queue", Duration.ofSeconds(30),
                    () -> quire("queue").output().contains("\"INCOMING\":0") && quire("queue").output()
                            .contains("\"DEFERRED\":0"));
        }
    }

    private record Result(int status, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private Result quire(String... args) throws Exception {
        String[] cmd = Stream.concat(Stream.of(QuireProcess.LAUNCHER.toString(), args[0], "--config",
                config.toString()), Stream.of(args).skip(1)).toArray(String[]::new);
        return run(cmd);
    }

    private static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static String banner(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private List<Path> maildir(String user) throws Exception {
        Path dir = data.resolve("mail/example.test").resolve(user).resolve("new");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private String query(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Path script(String name) throws Exception {
        return Path.of(MtaFrontDoorIT.class.getResource("/e2e/" + name).toURI());
    }
}
