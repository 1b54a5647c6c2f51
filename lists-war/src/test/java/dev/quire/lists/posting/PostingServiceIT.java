package dev.quire.lists.posting;

import dev.quire.db.list.Action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.quire.db.TestDatabase;
import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;

/**
 * The posting service inside the deployed lists.war on Payara Micro, on the demo list in MariaDB. A real SMTP
 * server in the test plays the MTA's internal listener (its port is QUIRE_INTERNAL_PORT, reserved by the
 * build), so the hand-off is checked on the wire.
 */
@ExtendWith(ArquillianExtension.class)
class PostingServiceIT {
    @Deployment
    static WebArchive deployment() throws Exception {
        TestDatabase.named(System.getProperty("quire.it.lists.db", "quire_it_lists")).withDemoData();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/lists.war"))
                .addClasses(PostingServiceIT.class, TestDatabase.class);
    }

    /** One transaction the stand-in MTA received. */
    record Handoff(EmailAddress sender, List<EmailAddress> recipients, String message) {
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabase.drop(System.getProperty("quire.it.lists.db", "quire_it_lists"));
    }

    @Inject
    PostingService posting;

    @Inject
    MailingListRepository lists;

    private final List<Handoff> received = new CopyOnWriteArrayList<>();
    private SmtpServer mta;

    @BeforeEach
    void startStandInMta() throws IOException {
        int port = Integer.parseInt(System.getenv("QUIRE_INTERNAL_PORT"));
        mta = new SmtpServer(SmtpServerConfig.builder().port(port).hostname("mta.quire.test").build(),
                ctx -> new Recorder(), Thread::new);
        mta.start();
    }

    @AfterEach
    void stopStandInMta() {
        mta.close();
    }

    private MailingList demo() {
        return lists.find("lists.example.test", "demo").orElseThrow();
    }

    private static byte[] post(String from, String messageId, String extraHeaders) {
        return ("From: " + from + "\r\nTo: demo@lists.example.test\r\nSubject: Re: [demo] agenda\r\nMessage-ID: <"
                + messageId + ">\r\n" + extraHeaders + "\r\nSee you at ten.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMemberPostGoesToEveryMemberInOneTransactionFromTheBounceAddress() throws Exception {
        Action action = posting.post(demo(), EmailAddress.parse("ALICE@example.test"),
                post("Alice <ALICE@EXAMPLE.TEST>", "member-1@example.test", ""));

        assertEquals(Action.ACCEPT, action);
        assertEquals(1, received.size(), "one hand-off for all members");
        Handoff h = received.get(0);
        assertEquals(EmailAddress.parse("demo-bounces@lists.example.test"), h.sender());
        assertEquals(List.of("alice@example.test", "bob@example.test", "carol@remote.test"),
                h.recipients().stream().map(EmailAddress::toString).toList());
        assertTrue(h.message().contains("\r\nSubject: [demo] Re: agenda\r\n"), h.message());
        assertTrue(h.message().contains("\r\nList-Id: Demo list <demo.lists.example.test>\r\n"), h.message());
        assertTrue(h.message().endsWith("\r\n\r\nSee you at ten.\r\n"), h.message());
    }

    @Test
    void aNonMemberPostIsHeldWithItsReasonAndGoesNowhere() throws Exception {
        int before = lists.held(demo()).size();
        Action action = posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "held-1@remote.test", ""));

        assertEquals(Action.HOLD, action);
        assertEquals(List.of(List.of(EmailAddress.parse("mallory@remote.test"))),
                received.stream().map(Handoff::recipients).toList(), "only the poster's held notice, to no member");
        List<HeldMessage> held = lists.held(demo());
        assertEquals(before + 1, held.size());
        HeldMessage last = held.get(held.size() - 1);
        assertEquals("mallory@remote.test", last.sender());
        assertEquals("<held-1@remote.test>", last.messageId());
        assertEquals("nonmember-moderation: the message is not from a list member (mallory@remote.test)",
                last.reasons());
    }

    @Test
    void aPostCarryingThisListsIdIsDiscarded() throws Exception {
        Action action = posting.post(demo(), EmailAddress.parse("demo-bounces@lists.example.test"),
                post("alice@example.test", "loop-1@example.test", "List-Id: Demo list <demo.lists.example.test>\r\n"));
        assertEquals(Action.DISCARD, action);
        assertTrue(received.isEmpty());
    }

    @Test
    void whenTheMtaIsDownThePostFailsSoTheLmtpDeliveryIsRetried() {
        mta.close();
        assertThrows(IOException.class, () -> posting.post(demo(), EmailAddress.parse("bob@example.test"),
                post("bob@example.test", "retry-1@example.test", "")));
    }

    /** Records what the stand-in MTA is given and accepts it. */
    private final class Recorder implements MessageHandler {
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
            received.add(new Handoff(sender, List.copyOf(recipients),
                    new String(message.readAllBytes(), StandardCharsets.UTF_8)));
            return List.of(Reply.ok("2.0.0", "queued"));
        }
    }
}
