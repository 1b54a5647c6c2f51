package dev.quire.mta.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.MessageBody;

/**
 * A real Dovecot (Debian's dovecot-imapd, see scripts/install-test-deps.sh) reads what {@link MaildirAgent}
 * delivers: a private Dovecot is started on a free loopback port with a configuration of its own, and Python's
 * imaplib logs in, selects INBOX and fetches both messages. Skipped where Dovecot or python3 is missing.
 */
class MaildirDovecotTest {
    private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    private static final String PASSWORD = "secret";

    /** A plain ASCII message, CRLF as the spool holds it. */
    private static final String PLAIN = "From: List <list@lists.test>\r\n"
            + "To: alice@example.test\r\n"
            + "Subject: Plain ASCII hello\r\n"
            + "Message-ID: <plain.1@lists.test>\r\n"
            + "Date: Mon, 02 Jun 2025 10:00:00 +0000\r\n"
            + "\r\n"
            + "Hello Alice,\r\n"
            + "this is plain ASCII.\r\n";

    private static final String UTF8_BODY = "Grüße aus Köln – naïve café, ½ € ✓ 日本語\r\n";

    /** An 8-bit UTF-8 body and a Subject folded over three lines. */
    private static final String EIGHT_BIT = "From: List <list@lists.test>\r\n"
            + "To: alice@example.test\r\n"
            + "Subject: A rather long subject line which the sending client has folded\r\n"
            + " because it is well over seventy-eight characters long, and then\r\n"
            + "\tfolded once more with a tab\r\n"
            + "Message-ID: <eight.2@lists.test>\r\n"
            + "Date: Mon, 02 Jun 2025 10:00:01 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + UTF8_BODY;

    /** LOGIN, SELECT INBOX, FETCH every message's RFC822.SIZE and RFC822; one line per fact on stdout. */
    private static final String IMAP_CLIENT = """
            import base64, imaplib, re, sys
            m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
            typ, data = m.login(sys.argv[2], sys.argv[3])
            assert typ == 'OK', (typ, data)
            typ, data = m.select('INBOX')
            assert typ == 'OK', (typ, data)
            n = int(data[0])
            print('EXISTS', n)
            for i in range(1, n + 1):
                typ, data = m.fetch(str(i), '(RFC822.SIZE RFC822)')
                assert typ == 'OK', (typ, data)
                head, body = data[0]
                size = re.search(rb'RFC822\\.SIZE (\\d+)', head).group(1).decode()
                print('MSG', i, size, base64.b64encode(body).decode())
            m.close()
            m.logout()
            """;

    @TempDir
    Path dir;

    @Test
    void dovecotServesWhatMaildirAgentDelivered() throws Exception {
        deliverAndServe(MaildirAgent.DEFAULT_LAYOUT, "%d/%n", "example.test/alice");
    }

    /** A layout set with quire.maildir.layout, and the Dovecot mail location that matches it. */
    @Test
    void dovecotServesAConfiguredLayout() throws Exception {
        deliverAndServe("%a/Maildir", "%u/Maildir", "alice@example.test/Maildir");
    }

    private void deliverAndServe(String layout, String dovecotHome, String expectedMaildir) throws Exception {
        assumeTrue(Files.isExecutable(DOVECOT), "Dovecot is not installed (apt-get install dovecot-imapd)");
        assumeTrue(python3Works(), "python3 is not on the PATH");

        // Deliver the two messages as the MTA would.
        Path mailRoot = dir.resolve("mail");
        EmailAddress alice = EmailAddress.parse("alice@example.test");
        MaildirAgent agent = new MaildirAgent(mailRoot, "mx.example.test", layout);
        for (String text : List.of(PLAIN, EIGHT_BIT)) {
            Path message = dir.resolve("spooled.eml");
            Files.write(message, text.getBytes(StandardCharsets.UTF_8));
            Envelope env = Envelope.accepted(QueueId.next(), EmailAddress.parse("list-bounces@lists.test"),
                    List.of(Recipient.to(alice)));
            Map<EmailAddress, Outcome> out = agent.deliver(env, MessageBody.of(message), List.of(alice));
            assertEquals(Outcome.Status.DELIVERED, out.get(alice).status(), out.get(alice).toString());
            Files.delete(message);
        }
        Path maildir = mailRoot.resolve(expectedMaildir);
        assertEquals(maildir, agent.maildir(alice));
        List<Path> delivered = list(maildir.resolve("new"));
        assertEquals(2, delivered.size());
        List<String> deliveredNames = new ArrayList<>();
        List<byte[]> deliveredBytes = new ArrayList<>();
        for (Path p : delivered) {
            deliveredNames.add(p.getFileName().toString());
            deliveredBytes.add(Files.readAllBytes(p));
        }

        // Dovecot refuses mail access as uid 0; as root the mailbox is handed to nobody, the dovecot and
        // dovenull users run Dovecot's own processes. Otherwise everything runs as the current user.
        boolean root = ((Integer) Files.getAttribute(dir, "unix:uid")) == 0;
        int mailUid;
        int mailGid;
        if (root) {
            int[] nobody = passwdIds("nobody");
            mailUid = nobody[0];
            mailGid = nobody[1];
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> all = Files.walk(mailRoot)) {
                for (Path p : all.toList()) {
                    Files.setAttribute(p, "unix:uid", mailUid);
                    Files.setAttribute(p, "unix:gid", mailGid);
                }
            }
        } else {
            mailUid = (Integer) Files.getAttribute(dir, "unix:uid");
            mailGid = (Integer) Files.getAttribute(dir, "unix:gid");
        }

        int port = freePort();
        Path conf = dir.resolve("dovecot.conf");
        Path log = dir.resolve("dovecot.log");
        Files.writeString(conf, config(port, log, mailRoot, dovecotHome, root, mailUid, mailGid));

        Process dovecot = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile())
                .start();
        List<String> imap;
        try {
            awaitPort(dovecot, port, log);
            imap = runImapClient(port, "alice@example.test");
        } finally {
            stop(dovecot);
        }
        String dovecotLog = readIfExists(log) + readIfExists(dir.resolve("dovecot.out"));

        // SELECT saw both messages.
        assertEquals("EXISTS 2", imap.get(0), String.join("\n", imap) + "\n" + dovecotLog);
        List<String[]> fetched = imap.stream().filter(l -> l.startsWith("MSG ")).map(l -> l.split(" ")).toList();
        assertEquals(2, fetched.size(), String.join("\n", imap));

        List<String> subjects = new ArrayList<>();
        for (String[] f : fetched) {
            long rfc822Size = Long.parseLong(f[2]);
            byte[] bytes = Base64.getDecoder().decode(f[3]);
            // What Dovecot serves is byte for byte what MaildirAgent wrote ...
            int i = indexOf(deliveredBytes, bytes);
            assertTrue(i >= 0, "Dovecot served bytes that were not delivered:\n"
                    + new String(bytes, StandardCharsets.UTF_8));
            String name = deliveredNames.get(i);
            // ... and the size it reports (taken from S= without reading the file) is the size of those bytes.
            long sizeInName = Long.parseLong(name.substring(name.indexOf(",S=") + 3));
            assertEquals(sizeInName, rfc822Size, "RFC822.SIZE reported by Dovecot vs S= in " + name);
            assertEquals(bytes.length, rfc822Size, "RFC822.SIZE vs the RFC822 literal Dovecot sent");
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("Return-Path: <list-bounces@lists.test>\r\n"
                    + "Delivered-To: alice@example.test\r\n"), text);
            subjects.add(subject(text));
            if (text.contains("charset=UTF-8")) {
                byte[] body = UTF8_BODY.getBytes(StandardCharsets.UTF_8);
                assertArrayEquals(body, Arrays.copyOfRange(bytes, bytes.length - body.length, bytes.length),
                        "8-bit UTF-8 body");
            }
        }
        subjects.sort(null);
        assertEquals(List.of("A rather long subject line which the sending client has folded"
                + " because it is well over seventy-eight characters long, and then"
                + "\tfolded once more with a tab", "Plain ASCII hello"), subjects);

        // Dovecot took the messages over: new/ is empty, cur/ holds the same files with info ":2,<flags>"
        // (S = \Seen, set by the non-peeking FETCH RFC822), still mode 0600.
        assertEquals(List.of(), list(maildir.resolve("new")), "files left in new/");
        List<Path> cur = list(maildir.resolve("cur"));
        assertEquals(2, cur.size(), cur.toString());
        for (Path p : cur) {
            String name = p.getFileName().toString();
            int colon = name.indexOf(":2,");
            assertTrue(colon > 0, name);
            assertTrue(deliveredNames.contains(name.substring(0, colon)), name + " not among " + deliveredNames);
            assertTrue(name.substring(colon + 3).contains("S"), "not flagged \\Seen: " + name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            assertArrayEquals(deliveredBytes.get(deliveredNames.indexOf(name.substring(0, colon))),
                    Files.readAllBytes(p));
        }
        assertTrue(Files.isRegularFile(maildir.resolve("dovecot-uidlist")), "Dovecot indexed the Maildir");
        assertFalse(dovecotLog.contains("Error:") || dovecotLog.contains("Panic:")
                || dovecotLog.contains("Fatal:"), dovecotLog);
    }

    private static String config(int port, Path log, Path mailRoot, String dovecotHome, boolean root, int uid,
            int gid) throws IOException {
        Path base = log.getParent();
        String home = mailRoot + "/" + dovecotHome;
        StringBuilder c = new StringBuilder();
        c.append("base_dir = ").append(base.resolve("run")).append('\n');
        c.append("state_dir = ").append(base.resolve("state")).append('\n');
        c.append("log_path = ").append(log).append('\n');
        c.append("protocols = imap\n");
        c.append("listen = 127.0.0.1\n");
        c.append("ssl = no\n");
        // Dovecot 2.3 (Debian 12); 2.4 renamed it auth_allow_cleartext = yes.
        c.append("disable_plaintext_auth = no\n");
        c.append("auth_mechanisms = plain login\n");
        c.append("first_valid_uid = 1\n");
        if (root) {
            // The dovecot and dovenull users come with the Debian package.
            c.append("default_internal_user = dovecot\n");
            c.append("default_login_user = dovenull\n");
        } else {
            PosixFileAttributes me = Files.readAttributes(base, PosixFileAttributes.class);
            c.append("default_internal_user = ").append(me.owner().getName()).append('\n');
            c.append("default_internal_group = ").append(me.group().getName()).append('\n');
            c.append("default_login_user = ").append(me.owner().getName()).append('\n');
            // Only root may chroot.
            for (String s : List.of("anvil", "ipc", "old-stats", "aggregator", "director", "imap-urlauth-login",
                    "pop3-login", "submission-login")) {
                c.append("service ").append(s).append(" {\n  chroot =\n}\n");
            }
        }
        c.append("service imap-login {\n")
                .append("  chroot =").append(root ? " login" : "").append('\n')
                .append("  inet_listener imap {\n")
                .append("    address = 127.0.0.1\n")
                .append("    port = ").append(port).append('\n')
                .append("  }\n")
                .append("  inet_listener imaps {\n")
                .append("    port = 0\n")
                .append("  }\n")
                .append("}\n");
        c.append("passdb {\n  driver = static\n  args = password=").append(PASSWORD).append("\n}\n");
        c.append("userdb {\n  driver = static\n  args = uid=").append(uid).append(" gid=").append(gid)
                .append(" home=").append(home).append(" mail=maildir:").append(home).append("\n}\n");
        return c.toString();
    }

    private List<String> runImapClient(int port, String user) throws Exception {
        Path script = dir.resolve("imap_client.py");
        Files.writeString(script, IMAP_CLIENT);
        Path out = dir.resolve("imap.out");
        Process p = new ProcessBuilder("python3", script.toString(), String.valueOf(port), user, PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("imaplib hung:\n" + readIfExists(out));
        }
        String output = readIfExists(out);
        assertEquals(0, p.exitValue(), "imaplib failed:\n" + output + "\nDovecot log:\n"
                + readIfExists(dir.resolve("dovecot.log")));
        return output.lines().toList();
    }

    private static void awaitPort(Process dovecot, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!dovecot.isAlive()) {
                fail("dovecot exited with " + dovecot.exitValue() + ":\n" + readIfExists(log)
                        + readIfExists(log.resolveSibling("dovecot.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("dovecot did not listen on " + port + ":\n" + readIfExists(log));
    }

    /** {@code dovecot -F} is the master in the foreground: SIGTERM makes it stop its children too. */
    private static void stop(Process dovecot) throws InterruptedException {
        List<ProcessHandle> children = dovecot.descendants().toList();
        dovecot.destroy();
        if (!dovecot.waitFor(5, TimeUnit.SECONDS)) {
            dovecot.destroyForcibly();
            dovecot.waitFor(2, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static boolean python3Works() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import imaplib").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int[] passwdIds(String user) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(user)) {
                return new int[]{Integer.parseInt(f[2]), Integer.parseInt(f[3])};
            }
        }
        return new int[]{65534, 65534};
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private static int indexOf(List<byte[]> all, byte[] wanted) {
        for (int i = 0; i < all.size(); i++) {
            if (Arrays.equals(all.get(i), wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The Subject header unfolded (CRLF before the whitespace removed, RFC 5322 section 2.2.3). */
    private static String subject(String message) {
        String head = message.substring(0, message.indexOf("\r\n\r\n") + 2).replaceAll("\r\n(?=[ \t])", "");
        String value = head.lines().filter(l -> l.regionMatches(true, 0, "Subject:", 0, 8)).findFirst()
                .orElse(null);
        assertNotNull(value, "no Subject in\n" + message);
        return value.substring(8).strip();
    }

    private static String readIfExists(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
