package dev.quire.lists.pipeline;

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

import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.deliverability.OutgoingSigner;
import dev.quire.lists.deliverability.unsubscribe.OneClickUnsubscribe;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;

/** Personalized copies handed to a real SMTP server in parallel sessions: one per member, each its own. */
class PersonalizedFanOutTest {
    record Copy(String session, EmailAddress sender, List<EmailAddress> recipients, String data) {
    }

    private final List<Copy> received = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private SmtpServer server;
    private PersonalizedFanOut fanOut;

    @BeforeEach
    void start() throws Exception {
        server = new SmtpServer(SmtpServerConfig.builder().port(0).hostname("mta.test").build(),
                ctx -> new MessageHandler() {
                    private EmailAddress sender;
                    private final List<EmailAddress> recipients = new ArrayList<>();

                    @Override
                    public Reply from(EmailAddress reversePath, Map<String, String> params) {
                        sender = reversePath;
                        return Reply.ok("2.1.0", "ok");
                    }

                    @Override
                    public Reply recipient(EmailAddress recipient, Map<String, String> params) {
                        recipients.add(recipient);
                        return Reply.ok("2.1.5", "ok");
                    }

                    @Override
                    public List<Reply> data(InputStream message) throws IOException {
                        received.add(new Copy(ctx.sessionId(), sender, List.copyOf(recipients),
                                new String(message.readAllBytes(), StandardCharsets.UTF_8)));
                        return List.of(Reply.ok("2.0.0", "queued"));
                    }
                }, Thread::new);
        server.start();
        ListsSettings settings = new ListsSettings() {
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
                return "lists.example.test";
            }

            @Override
            public String webUrl() {
                return "https://lists.example.test";
            }

            @Override
            public int fanoutSessions() {
                return 4;
            }
        };
        MtaSubmission mta = new MtaSubmission();
        java.lang.reflect.Field f = MtaSubmission.class.getDeclaredField("settings");
        f.setAccessible(true);
        f.set(mta, settings);
        Copies copies = new Copies();
        copies.settings = settings;
        copies.unsubscribe = new OneClickUnsubscribe() {
            @Override
            public String url(MailingList list, EmailAddress member) {
                return "https://lists.example.test/unsubscribe/token-for-" + member.localPart();
            }
        };
        copies.signer = new OutgoingSigner() {
            @Override
            public boolean signs(MailingList list) {
                return false;
            }

            @Override
            public void sign(MailingList list, MailMessage copy) {
            }
        };
        fanOut = new PersonalizedFanOut();
        fanOut.mta = mta;
        fanOut.copies = copies;
        fanOut.settings = settings;
        fanOut.executor = pool;
    }

    @AfterEach
    void stop() {
        server.close();
        pool.shutdownNow();
    }

    @Test
    void everyMemberGetsTheirOwnCopyFromTheirVerpAddressOverParallelSessions() throws IOException {
        MailingList list = ListFixtures.demo();
        list.pipeline().setFooterTemplate("Leave: $unsubscribe_url");
        List<Member> members = IntStream.rangeClosed(1, 120)
                .mapToObj(i -> new Member(list, EmailAddress.parse("m" + i + "@example.org"), MemberRole.MEMBER))
                .toList();
        MailMessage post = ListFixtures.message("From: a@example.org\r\nSubject: [demo] hi\r\n\r\nHello.\r\n");

        assertEquals(120, fanOut.deliver(list, post, members));

        assertEquals(120, received.size());
        assertEquals(3, received.stream().map(Copy::session).distinct().count(), "120 members: 3 sessions of 40");
        for (Copy c : received) {
            assertEquals(1, c.recipients().size());
            String user = c.recipients().get(0).localPart();
            assertEquals(EmailAddress.parse("demo-bounces+" + user + "=example.org@lists.example.test"), c.sender());
            assertTrue(c.data().contains("List-Unsubscribe: <https://lists.example.test/unsubscribe/token-for-" + user
                    + ">, <mailto:demo-leave@lists.example.test>\r\n"), c.data());
            assertTrue(c.data().endsWith("\r\nHello.\r\nLeave: https://lists.example.test/unsubscribe/token-for-" + user
                    + "\r\n"), c.data());
        }
        assertEquals(120, received.stream().map(c -> c.recipients().get(0)).distinct().count(), "no one twice");
    }

    @Test
    void whenTheMtaIsDownNothingIsQueuedAndThePostFailsForARetry() {
        server.close();
        MailingList list = ListFixtures.demo();
        List<Member> members = List.of(new Member(list, EmailAddress.parse("m1@example.org"), MemberRole.MEMBER));
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> fanOut.deliver(list,
                ListFixtures.message("Subject: x\r\n\r\nbody\r\n"), members));
    }
}
