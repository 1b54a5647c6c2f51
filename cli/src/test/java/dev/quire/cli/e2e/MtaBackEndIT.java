package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.db.TestDatabase;

/**
 * The MTA's back end on the real stack: a stream of relayed messages shares one SMTP connection to the
 * smarthost (smtp-sink's own session counter says so), mail waiting for a slow next hop does not hold up mail for
 * another, a list engine's XVERP hand-off reaches the smarthost as one
 * transaction per member with that member's envelope sender, and the MX listener, with real spamd and clamd,
 * refuses EICAR and GTUBE at DATA and delivers a suspect message tagged with X-Spam-Score into a Maildir placed by
 * {@code quire.maildir.layout}, where Dovecot would expect it.
 */
class MtaBackEndIT {
    private static final Pattern COUNTERS = Pattern.compile("sess=(\\d+) quit=(\\d+) mesg=(\\d+)");

    @TempDir
    Path work;

    private TestDatabase db;
    private Path data;
    private Path config;
    private int smtpPort;
    private int internalPort;
    private int sinkPort;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is installed by scripts/install-test-deps.sh");
        assumeTrue(ScanDaemon.installed(), "spamd and clamd are installed by scripts/install-test-deps.sh");
        db = TestDatabase.create();
        data = work.resolve("var");
        smtpPort = FreePorts.next();
        internalPort = FreePorts.next();
        sinkPort = FreePorts.next();
        // smtp-sink (as postfix) and spamd (as nobody) reach their directories below this one
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private void writeConfig(int spamd, int clamd) throws Exception {
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
                "quire.internal.port=" + internalPort,
                "quire.lmtp.port=" + FreePorts.next(),
                "quire.http.port=" + FreePorts.next(),
                "quire.smarthost=127.0.0.1:" + sinkPort,
                "quire.relay.networks=127.0.0.2/32",
                // one delivery at a time to the smarthost: every message has to go through the cached session
                "quire.queue.destination.concurrency.remote=1",
                // three workers: messages waiting for a busy destination must not take them from the others
                "quire.queue.concurrency=3",
                "quire.smtp.cache.idle=PT1S",
                "quire.maildir.layout=%d/%u/Maildir",
                "quire.scan.spamd=127.0.0.1:" + spamd,
                "quire.scan.clamd=127.0.0.1:" + clamd,
                ""));
    }

    @Test
    void connectionReuseXverpAndContentScanningThroughARunningQuire() throws Exception {
        Path sinkDir = work.resolve("sink");
        Files.createDirectories(sinkDir);
        try (ScanDaemon spamd = ScanDaemon.spamd(Files.createDirectories(work.resolve("spamd")));
                ScanDaemon clamd = ScanDaemon.clamd(Files.createDirectories(work.resolve("clamd")));
                SmtpSink sink = new SmtpSink(sinkDir.resolve("dump"), sinkPort, "-c").start()) {
            writeConfig(spamd.port, clamd.port);
            int slowPort = FreePorts.next();
            Files.createDirectories(data.resolve("config"));
            Files.writeString(data.resolve("config/transport"), "slow.test [127.0.0.1]:" + slowPort + "\n");
            try (SlowPeer slow = SlowPeer.start(slowPort, work.resolve("slow.count"));
                    QuireProcess quire = QuireProcess.start(work, work.resolve("run.out"), "--demo", "--config",
                            config.toString())) {
                relayedMessagesShareOneConnection(sink, sinkDir);
                aSlowNextHopDoesNotHoldUpTheOthers(sink, slow);
                xverpGivesEachMemberItsOwnEnvelopeSender(sink, sinkDir);
                theMxListenerScansContent();
                theInternalListenerBouncesAnUnknownLocalRecipientInsteadOfRefusingIt();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- what Quire logged:\n" + QuireProcess.logOf(data), e);
            }
        }
    }

    private void relayedMessagesShareOneConnection(SmtpSink sink, Path sinkDir) throws Exception {
        String out = python(
                """
                        import smtplib, sys
                        s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), source_address=('127.0.0.2', 0))
                        for i in range(10):
                            s.sendmail('alice@example.test', ['someone@remote.test'],
                                       'Subject: stream %d\\r\\nMessage-ID: <stream-%d@example.test>\\r\\n\\r\\nhello\\r\\n' % (i, i))
                        s.quit()
                        print('sent 10')
                        """,
                String.valueOf(smtpPort));
        assertEquals("sent 10", out.strip());
        Poll.until("10 messages at the sink and its session closed", Duration.ofSeconds(60),
                () -> counters(sinkDir)[2] == 10 && counters(sinkDir)[0] == 1);
        assertEquals(10, sink.messages().size());
        assertEquals(1, counters(sinkDir)[0], "ten relayed messages, one SMTP session to the smarthost");
    }

    /**
     * Three messages for a next hop that takes ten seconds per message (room for a loaded machine; one slot per
     * destination, three workers), then one for the smarthost: the two that find their destination busy wait without a worker, so the last one is
     * delivered while the slow host is still on its first, as Postfix's per-destination scheduling would.
     */
    private void aSlowNextHopDoesNotHoldUpTheOthers(SmtpSink sink, SlowPeer slow) throws Exception {
        String out = python(
                """
                        import smtplib, sys
                        s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), source_address=('127.0.0.2', 0))
                        for i in range(3):
                            s.sendmail('alice@example.test', ['someone@slow.test'],
                                       'Subject: slow %d\\r\\n\\r\\nhello\\r\\n' % i)
                        s.sendmail('alice@example.test', ['someone@remote.test'],
                                   'Subject: not held up\\r\\nMessage-ID: <not-held-up@example.test>\\r\\n\\r\\nhi\\r\\n')
                        s.quit()
                        print('sent 4')
                        """,
                String.valueOf(smtpPort));
        assertEquals("sent 4", out.strip());
        long sent = System.nanoTime();
        Poll.until("the message for remote.test at the smarthost", Duration.ofSeconds(30),
                () -> sink.messages().stream().anyMatch(m -> m.contains("<not-held-up@example.test>")));
        long seconds = (System.nanoTime() - sent) / 1_000_000_000L;
        assertEquals(0, slow.completed(), "delivered while the slow host was still on its first message (it took "
                + seconds + " s after sending; the slow host takes 10 s per message)");
        Poll.until("the three messages at the slow host", Duration.ofSeconds(90), () -> slow.completed() == 3);
    }

    /** An SMTP server that takes its time over each message (Python), counting the messages it finished. */
    private static final class SlowPeer implements AutoCloseable {
        private static final String SCRIPT = """
                import socketserver, sys, threading, time
                port, delay, count = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
                lock, done = threading.Lock(), [0]
                class Session(socketserver.StreamRequestHandler):
                    def handle(self):
                        def say(text):
                            self.wfile.write((text + '\\r\\n').encode())
                            self.wfile.flush()
                        say('220 slow.test ESMTP')
                        for line in self.rfile:
                            verb = line.decode('latin-1').strip().upper()
                            if verb.startswith(('EHLO', 'HELO')):
                                say('250 slow.test')
                            elif verb == 'DATA':
                                say('354 go ahead')
                                while self.rfile.readline() not in (b'.\\r\\n', b''):
                                    pass
                                time.sleep(delay)
                                with lock:
                                    done[0] += 1
                                    open(count, 'w').write(str(done[0]))
                                say('250 2.0.0 taken, slowly')
                            elif verb == 'QUIT':
                                say('221 bye')
                                return
                            else:
                                say('250 ok')
                socketserver.ThreadingTCPServer.allow_reuse_address = True
                server = socketserver.ThreadingTCPServer(('127.0.0.1', port), Session)
                print('ready', flush=True)
                server.serve_forever()
                """;
        private final Process process;
        private final Path count;

        private SlowPeer(Process process, Path count) {
            this.process = process;
            this.count = count;
        }

        static SlowPeer start(int port, Path count) throws Exception {
            Process p = new ProcessBuilder("python3", "-c", SCRIPT, String.valueOf(port), "10", count.toString())
                    .redirectErrorStream(true).start();
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertEquals("ready", first, "the slow SMTP peer started");
            return new SlowPeer(p, count);
        }

        int completed() throws Exception {
            return Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) : 0;
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private void xverpGivesEachMemberItsOwnEnvelopeSender(SmtpSink sink, Path sinkDir) throws Exception {
        String out = python(
                """
                        import smtplib, sys
                        s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
                        s.ehlo('lists.example.test')
                        print('XVERP offered' if s.has_extn('xverp') else 'no XVERP')
                        code, msg = s.mail('demo-bounces@lists.example.test', ['XVERP'])
                        for r in ['carol@remote.test', 'dave@other.test', 'erin@remote.test']:
                            s.rcpt(r)
                        code, msg = s.data(b'Subject: a post to the demo list\\r\\nMessage-ID: <post-1@lists.example.test>\\r\\n\\r\\nhi all\\r\\n')
                        print(code)
                        s.quit()
                        """,
                String.valueOf(internalPort));
        assertEquals(List.of("XVERP offered", "250"), out.lines().toList());
        Poll.until("the three copies at the sink", Duration.ofSeconds(60), () -> counters(sinkDir)[2] == 14);
        Map<String, String> senderOf = new TreeMap<>();
        for (String dump : sink.messages()) {
            if (dump.contains("<post-1@lists.example.test>")) {
                List<String> rcpts = field(dump, "X-Rcpt-Args");
                assertEquals(1, rcpts.size(), "one recipient per transaction:\n" + dump);
                senderOf.put(rcpts.get(0), field(dump, "X-Mail-Args").get(0));
            }
        }
        assertEquals(Map.of("<carol@remote.test>", "<demo-bounces+carol=remote.test@lists.example.test>",
                "<dave@other.test>", "<demo-bounces+dave=other.test@lists.example.test>",
                "<erin@remote.test>", "<demo-bounces+erin=remote.test@lists.example.test>"), senderOf);
        Poll.until("the smarthost session closed after idling", Duration.ofSeconds(30),
                () -> counters(sinkDir)[0] == 3);
        assertEquals(3, counters(sinkDir)[0], "the three copies also shared one session");
    }

    private void theMxListenerScansContent() throws Exception {
        String out = python(
                """
                        import smtplib, sys
                        eicar, token = sys.argv[2], sys.argv[3]
                        gtube = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X'
                        for name, body in [('virus', eicar), ('spam', gtube), ('suspect', 'a ' + token + ' here'), ('clean', 'hello')]:
                            s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
                            s.ehlo('remote.test')
                            mail = s.mail('someone@remote.test')
                            rcpt = s.rcpt('alice@example.test')
                            if mail[0] != 250 or rcpt[0] != 250:
                                print('%s: MAIL %s RCPT %s' % (name, mail, rcpt))
                                continue
                            head = 'From: someone@remote.test\\r\\nTo: alice@example.test\\r\\nDate: Sat, 21 Nov 2026 07:00:00 +0000\\r\\n'
                            code, msg = s.data((head + 'Subject: %s\\r\\nMessage-ID: <%s@remote.test>\\r\\n\\r\\n%s\\r\\n' % (name, name, body)).encode())
                            print('%s: %d %s' % (name, code, msg.decode()))
                            s.quit()
                        """,
                String.valueOf(smtpPort), ScanDaemon.EICAR, ScanDaemon.SUSPECT_TOKEN);
        List<String> lines = out.lines().toList();
        assertEquals("virus: 554 5.7.1 Message rejected: virus Quire.E2E.EICAR.UNOFFICIAL found", lines.get(0), out);
        assertTrue(lines.get(1).startsWith("spam: 550 5.7.1 Message rejected as spam (score 1"), out);
        assertTrue(lines.get(2).startsWith("suspect: 250 2.0.0 Ok: queued as"), out);
        assertTrue(lines.get(3).startsWith("clean: 250 2.0.0 Ok: queued as"), out);

        Path maildir = data.resolve("mail/example.test/alice/Maildir/new");
        Poll.until("two messages in alice's Maildir (quire.maildir.layout=%d/%u/Maildir)", Duration.ofSeconds(60),
                () -> files(maildir).size() == 2);
        String suspect = null;
        String clean = null;
        for (Path p : files(maildir)) {
            String text = Files.readString(p, StandardCharsets.ISO_8859_1);
            if (text.contains("Subject: suspect")) {
                suspect = text;
            } else {
                clean = text;
            }
        }
        Matcher score = Pattern.compile("X-Spam-Score: ([0-9.]+)").matcher(suspect == null ? "" : suspect);
        assertTrue(score.find() && Double.parseDouble(score.group(1)) >= 1 && Double.parseDouble(score.group(1)) <= 12
                && suspect.contains("QUIRE_E2E_SUSPECT"), "tagged, with the rule in the report:\n" + suspect);
        assertTrue(clean != null && clean.contains("Subject: clean") && !clean.contains("QUIRE_E2E_SUSPECT"), clean);
    }

    /**
     * The internal listener trusts the list engine's network before any routing lookup (no lookup per RCPT of a
     * large hand-off); a recipient nobody has is refused at the queue's cleanup instead, in a DSN to the sender.
     */
    private void theInternalListenerBouncesAnUnknownLocalRecipientInsteadOfRefusingIt() throws Exception {
        String out = python(
                """
                        import smtplib, sys
                        s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
                        s.ehlo('lists.example.test')
                        s.mail('bob@example.test')
                        print(s.rcpt('nobody@example.test')[0])
                        print(s.data(b'Subject: to nobody\\r\\nMessage-ID: <nobody-1@example.test>\\r\\n\\r\\nhi\\r\\n')[0])
                        s.quit()
                        """,
                String.valueOf(internalPort));
        assertEquals(List.of("250", "250"), out.lines().toList());
        Path maildir = data.resolve("mail/example.test/bob/Maildir/new");
        Poll.until("the DSN in bob's Maildir", Duration.ofSeconds(60), () -> files(maildir).size() == 1);
        String dsn = Files.readString(files(maildir).get(0), StandardCharsets.ISO_8859_1);
        assertTrue(dsn.contains("multipart/report") && dsn.contains("Final-Recipient: rfc822; nobody@example.test")
                && dsn.contains("Status: 5.1.1") && dsn.contains("<nobody-1@example.test>"), dsn);
    }

    private static List<String> field(String dump, String name) {
        return dump.lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2).strip())
                .toList();
    }

    private static int[] counters(Path sinkDir) throws Exception {
        Path log = sinkDir.resolve("smtp-sink-" + sinkDir.getFileName() + ".log");
        try (Stream<Path> files = Files.list(sinkDir)) {
            log = files.filter(p -> p.getFileName().toString().startsWith("smtp-sink-")).findFirst().orElse(log);
        }
        if (!Files.exists(log)) {
            return new int[]{0, 0, 0};
        }
        Matcher m = COUNTERS.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        int[] last = {0, 0, 0};
        while (m.find()) {
            last = new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        }
        return last;
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String python(String script, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
