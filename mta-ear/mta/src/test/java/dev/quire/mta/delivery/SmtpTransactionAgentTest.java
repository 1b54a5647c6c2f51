package dev.quire.mta.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.MessageBody;

/** The agent against a real LMTP and SMTP server on loopback, answering per recipient, with and without TLS. */
class SmtpTransactionAgentTest {
    private static final EmailAddress OK = EmailAddress.parse("ok@lists.test");
    private static final EmailAddress LATER = EmailAddress.parse("later@lists.test");
    private static final EmailAddress GONE = EmailAddress.parse("gone@lists.test");
    private static final EmailAddress FULL = EmailAddress.parse("full@lists.test");

    @TempDir
    Path dir;

    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    /** A peer that refuses {@code gone} at RCPT and, after DATA, defers {@code later} and fails {@code full}. */
    private MessageHandler peer() {
        List<EmailAddress> rcpts = new ArrayList<>();
        return new MessageHandler() {
            @Override
            public Reply from(EmailAddress reversePath, Map<String, String> params) {
                return Reply.ok("2.1.0", "ok");
            }

            @Override
            public Reply recipient(EmailAddress r, Map<String, String> params) {
                if (r.equals(GONE)) {
                    return new Reply(550, "5.1.1", "no such list");
                }
                rcpts.add(r);
                return Reply.ok("2.1.5", "ok");
            }

            @Override
            public List<Reply> data(InputStream message) throws IOException {
                received.add(message.readAllBytes());
                return rcpts.stream().map(r -> r.equals(LATER)
                        ? new Reply(451, "4.3.0", "later")
                        : r.equals(FULL) ? new Reply(552, "5.2.2", "full") : Reply.ok("2.0.0", "delivered")).toList();
            }
        };
    }

    @Test
    void lmtpOutcomesArePerRecipient() throws Exception {
        try (SmtpServer server = new SmtpServer(SmtpServerConfig.builder().port(0).lmtp(true).hostname("lists.test")
                .build(), ctx -> peer(), Thread::new)) {
            server.start();
            Path message = dir.resolve("m.eml");
            Files.writeString(message, "Subject: x\r\n\r\n.leading dot\r\n");
            Envelope env = Envelope.accepted(QueueId.next(), EmailAddress.parse("a@example.test"),
                    List.of(OK, LATER, GONE, FULL).stream().map(Recipient::to).toList());
            Map<EmailAddress, Outcome> out = new SmtpTransactionAgent("127.0.0.1", server.port(), true, "mx.test")
                    .deliver(env, MessageBody.of(message), env.pending().stream().map(Recipient::address).toList());

            assertEquals(Outcome.Status.DELIVERED, out.get(OK).status());
            assertEquals(Outcome.Status.RETRY, out.get(LATER).status());
            assertEquals(Outcome.Status.FAILED, out.get(GONE).status());
            assertEquals(Outcome.Status.FAILED, out.get(FULL).status());
            assertTrue(out.get(GONE).detail().startsWith("550 5.1.1"));
            assertEquals("Subject: x\r\n\r\n.leading dot\r\n", new String(received.get(0)), "sent byte for byte");
        }
    }

    @Test
    void aDeadPeerMeansRetryForEveryone() throws Exception {
        Path message = dir.resolve("m.eml");
        Files.writeString(message, "x\r\n");
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Envelope env = Envelope.accepted(QueueId.next(), null, List.of(Recipient.to(OK), Recipient.to(LATER)));
        Map<EmailAddress, Outcome> out = new SmtpTransactionAgent("127.0.0.1", closedPort, false, "mx.test")
                .deliver(env, MessageBody.of(message), env.pending().stream().map(Recipient::address).toList());
        assertEquals(Outcome.Status.RETRY, out.get(OK).status());
        assertEquals(Outcome.Status.RETRY, out.get(LATER).status());
    }

    /** An SMTP peer that defers {@code later} and refuses {@code gone} at RCPT and answers DATA with {@code data}. */
    private MessageHandler scripted(Reply data, List<Boolean> tlsSeen, boolean tls) {
        return new MessageHandler() {
            @Override
            public Reply from(EmailAddress reversePath, Map<String, String> params) {
                tlsSeen.add(tls);
                return Reply.ok("2.1.0", "ok");
            }

            @Override
            public Reply recipient(EmailAddress r, Map<String, String> params) {
                return r.equals(LATER)
                        ? new Reply(451, "4.2.1", "try later")
                        : r.equals(GONE) ? new Reply(550, "5.1.1", "no such user") : Reply.ok("2.1.5", "ok");
            }

            @Override
            public List<Reply> data(InputStream message) throws IOException {
                received.add(message.readAllBytes());
                return List.of(data);
            }
        };
    }

    private Map<EmailAddress, Outcome> deliverTo(SmtpServer server, EmailAddress... rcpts) throws IOException {
        Path message = dir.resolve("m.eml");
        Files.writeString(message, "Subject: y\r\n\r\nbody\r\n");
        Envelope env = Envelope.accepted(QueueId.next(), EmailAddress.parse("a@example.test"),
                List.of(rcpts).stream().map(Recipient::to).toList());
        return new SmtpTransactionAgent("127.0.0.1", server.port(), false, "mx.test").deliver(env,
                MessageBody.of(message),
                List.of(rcpts));
    }

    @Test
    void smtpRcptRepliesDecidePerRecipientAndDataForTheRest() throws Exception {
        List<Boolean> tls = new CopyOnWriteArrayList<>();
        for (Reply data : List.of(Reply.ok("2.0.0", "queued"), new Reply(452, "4.3.1", "disk full"),
                new Reply(554, "5.6.0", "content rejected"))) {
            try (SmtpServer server = new SmtpServer(SmtpServerConfig.builder().port(0).hostname("peer.test").build(),
                    ctx -> scripted(data, tls, ctx.isTls()), Thread::new)) {
                server.start();
                Map<EmailAddress, Outcome> out = deliverTo(server, OK, LATER, GONE, FULL);
                assertEquals(Outcome.Status.RETRY, out.get(LATER).status());
                assertTrue(out.get(LATER).detail().startsWith("451 4.2.1"), out.get(LATER).detail());
                assertEquals(Outcome.Status.FAILED, out.get(GONE).status());
                Outcome.Status expected = data.isPositive()
                        ? Outcome.Status.DELIVERED
                        : data.isTransient() ? Outcome.Status.RETRY : Outcome.Status.FAILED;
                assertEquals(expected, out.get(OK).status(), out.get(OK).detail());
                assertEquals(expected, out.get(FULL).status());
                assertTrue(out.get(OK).detail().startsWith(data.toWire()), out.get(OK).detail());
            }
        }
        assertEquals(List.of(false, false, false), tls, "no STARTTLS offered, none used");
    }

    @Test
    void startTlsIsUsedWhenOffered() throws Exception {
        List<Boolean> tls = new CopyOnWriteArrayList<>();
        try (SmtpServer server = new SmtpServer(SmtpServerConfig.builder().port(0).hostname("peer.test")
                .tls(serverContext(true)).build(), ctx -> scripted(Reply.ok("2.0.0", "queued"), tls, ctx.isTls()),
                Thread::new)) {
            server.start();
            Map<EmailAddress, Outcome> out = deliverTo(server, OK);
            assertEquals(Outcome.Status.DELIVERED, out.get(OK).status(), out.get(OK).detail());
            assertTrue(out.get(OK).detail().contains("TLSv1."), "protocol and cipher logged: " + out.get(OK).detail());
            assertEquals(List.of(true), tls);
            assertEquals("Subject: y\r\n\r\nbody\r\n", new String(received.get(0)));
        }
    }

    @Test
    void aFailedHandshakeIsRetriedOnceInPlainText() throws Exception {
        List<Boolean> tls = new CopyOnWriteArrayList<>();
        try (SmtpServer server = new SmtpServer(SmtpServerConfig.builder().port(0).hostname("peer.test")
                .tls(serverContext(false)).build(), ctx -> scripted(Reply.ok("2.0.0", "queued"), tls, ctx.isTls()),
                Thread::new)) {
            server.start();
            Map<EmailAddress, Outcome> out = deliverTo(server, OK);
            assertEquals(Outcome.Status.DELIVERED, out.get(OK).status(), out.get(OK).detail());
            assertTrue(out.get(OK).detail().contains("plain text after a failed TLS handshake"), out.get(OK).detail());
            assertEquals(List.of(false), tls);
            assertFalse(received.isEmpty());
        }
    }

    /**
     * A server TLS context: with a fresh self-signed key from keytool, or without any key, so that every handshake
     * fails for want of a cipher suite both sides can use.
     */
    private SSLContext serverContext(boolean withKey) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (!withKey) {
            ctx.init(null, null, null);
            return ctx;
        }
        char[] password = "changeit".toCharArray();
        Path keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=peer.test", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + said);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        ctx.init(keys.getKeyManagers(), null, null);
        return ctx;
    }
}
