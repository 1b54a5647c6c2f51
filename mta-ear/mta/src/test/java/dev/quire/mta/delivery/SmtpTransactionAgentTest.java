package dev.quire.mta.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

/** The agent against a real LMTP and SMTP server on loopback, answering per recipient. */
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
                    .deliver(env, message, env.pending().stream().map(Recipient::address).toList());

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
        Map<EmailAddress, Outcome> out = SmtpTransactionAgent.smtp("[127.0.0.1]:" + closedPort, "mx.test")
                .deliver(env, message, env.pending().stream().map(Recipient::address).toList());
        assertEquals(Outcome.Status.RETRY, out.get(OK).status());
        assertEquals(Outcome.Status.RETRY, out.get(LATER).status());
    }
}
