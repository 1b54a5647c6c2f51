package dev.quire.lists.outgoing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SessionContext;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;

/** The hand-off on the wire, against a real SMTP server with the MTA's recipient limit of 3. */
class MtaSubmissionTest {
    record Transaction(String session, EmailAddress sender, List<EmailAddress> recipients, String data,
            Map<String, String> mailParams) {
    }

    private final List<Transaction> received = new CopyOnWriteArrayList<>();
    private SmtpServer server;
    private MtaSubmission submission;

    @BeforeEach
    void start() throws IOException {
        server = new SmtpServer(SmtpServerConfig.builder().port(0).hostname("mta.test").maxRecipients(3).build(),
                Recorder::new, Thread::new);
        server.start();
        submission = new MtaSubmission();
        submission.settings = new ListsSettings() {
            @Override
            public String mtaHost() {
                return "127.0.0.1";
            }

            @Override
            public int mtaPort() {
                return server.port();
            }

            @Override
            public String hostname() {
                return "lists.test";
            }

            @Override
            public int maxRecipients() {
                return 3;
            }
        };
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<EmailAddress> members(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> EmailAddress.parse("m" + i + "@example.org")).toList();
    }

    @Test
    void aBigRosterIsSplitIntoTransactionsTheMtaAcceptsOnOneConnection() throws IOException {
        EmailAddress bounces = EmailAddress.parse("demo-bounces@lists.test");
        submission.submit(bounces, members(7), "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(3, 3, 1), received.stream().map(t -> t.recipients().size()).toList());
        assertEquals(members(7), received.stream().flatMap(t -> t.recipients().stream()).toList());
        assertEquals(1, received.stream().map(Transaction::session).distinct().count(), "one connection");
    }

    @Test
    void withAnExecutorTheTransactionsAreDealtOutOverParallelSessionsEachRecipientOnce() throws IOException {
        ListsSettings sequential = submission.settings;
        submission.settings = new ListsSettings() {
            @Override
            public String mtaHost() {
                return sequential.mtaHost();
            }

            @Override
            public int mtaPort() {
                return sequential.mtaPort();
            }

            @Override
            public String hostname() {
                return sequential.hostname();
            }

            @Override
            public int maxRecipients() {
                return 3;
            }

            @Override
            public int fanoutSessions() {
                return 2;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        submission.executor = pool;
        try {
            submission.submit(EmailAddress.parse("demo-bounces@lists.test"), members(7),
                    "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, received.size(), "transactions of 3, 3 and 1");
        List<EmailAddress> all = new ArrayList<>(received.stream().flatMap(t -> t.recipients().stream()).toList());
        all.sort(java.util.Comparator.comparing(EmailAddress::toString));
        List<EmailAddress> expected = new ArrayList<>(members(7));
        expected.sort(java.util.Comparator.comparing(EmailAddress::toString));
        assertEquals(expected, all);
        assertEquals(2, received.stream().map(Transaction::session).distinct().count(), "two connections");
        assertTrue(received.stream().allMatch(t -> t.data().equals("Subject: x\r\n\r\nbody\r\n")));
    }

    @Test
    void personalizedCopiesGoAsOneTransactionEachFromTheirVerpAddressOnOneConnection() throws IOException {
        EmailAddress bounces = EmailAddress.parse("demo-bounces@lists.test");
        try (MtaSession session = submission.session()) {
            for (EmailAddress m : members(3)) {
                assertEquals(MtaSession.Outcome.QUEUED, session.send(Verp.encode(bounces, m), m,
                        ("To: " + m + "\r\n\r\nfor " + m + "\r\n").getBytes(StandardCharsets.US_ASCII)));
            }
        }
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(Transaction::session).distinct().count(), "one connection");
        assertEquals(EmailAddress.parse("demo-bounces+m2=example.org@lists.test"), received.get(1).sender());
        assertEquals(List.of(EmailAddress.parse("m2@example.org")), received.get(1).recipients());
        assertEquals("To: m2@example.org\r\n\r\nfor m2@example.org\r\n", received.get(1).data());
    }

    @Test
    void verpAsksForXverpOnlyFromAnMtaThatOffersIt() throws IOException {
        EmailAddress bounces = EmailAddress.parse("demo-bounces@lists.test");
        byte[] post = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        submission.submit(bounces, members(2), post, true);
        assertEquals(Map.of(), received.get(0).mailParams(), "this MTA does not offer XVERP: plain sender");

        server.close();
        received.clear();
        server = new SmtpServer(SmtpServerConfig.builder().port(0).hostname("mta.test").maxRecipients(3)
                .extraEhloKeyword("XVERP").build(), Recorder::new, Thread::new);
        server.start();
        submission.submit(bounces, members(2), post, true);
        assertEquals(1, received.size(), "still one hand-off");
        assertEquals(bounces, received.get(0).sender());
        assertTrue(received.get(0).mailParams().containsKey("XVERP"), received.get(0).mailParams().toString());

        received.clear();
        submission.submit(bounces, members(2), post, false);
        assertEquals(Map.of(), received.get(0).mailParams(), "no VERP asked, none sent");
    }

    @Test
    void contentArrivesAsWrittenWithLeadingDotsAndBareLineEndsMadeSafe() throws IOException {
        submission.submit(EmailAddress.parse("demo-bounces@lists.test"), members(1),
                "Subject: x\r\n\r\n.hidden?\r\n..two\nbare LF\r\nlast".getBytes(StandardCharsets.US_ASCII));
        assertEquals("Subject: x\r\n\r\n.hidden?\r\n..two\r\nbare LF\r\nlast\r\n", received.get(0).data());
        received.clear();
        submission.submit(EmailAddress.parse("demo-bounces@lists.test"), members(1),
                "Subject: y\r\n\r\nbare CR\r.dot after CR\n\n.\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("Subject: y\r\n\r\nbare CR\r\n.dot after CR\r\n\r\n.\r\n", received.get(0).data());
    }

    private final class Recorder implements MessageHandler {
        private final SessionContext ctx;
        private EmailAddress sender;
        private Map<String, String> mailParams = Map.of();
        private final List<EmailAddress> recipients = new ArrayList<>();

        Recorder(SessionContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Reply from(EmailAddress reversePath, Map<String, String> params) {
            sender = reversePath;
            mailParams = Map.copyOf(params);
            return Reply.ok("2.1.0", "ok");
        }

        @Override
        public Reply recipient(EmailAddress recipient, Map<String, String> params) {
            recipients.add(recipient);
            return Reply.ok("2.1.5", "ok");
        }

        @Override
        public List<Reply> data(InputStream message) throws IOException {
            received.add(new Transaction(ctx.sessionId(), sender, List.copyOf(recipients),
                    new String(message.readAllBytes(), StandardCharsets.US_ASCII), mailParams));
            return List.of(Reply.ok("2.0.0", "queued"));
        }
    }
}
