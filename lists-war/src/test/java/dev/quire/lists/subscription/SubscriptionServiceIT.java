package dev.quire.lists.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.quire.cron.sync.ExternalDatabases;
import dev.quire.cron.sync.MembershipSync;
import dev.quire.cron.sync.SafetyValve;
import dev.quire.cron.sync.SyncReport;
import dev.quire.db.TestDatabase;
import dev.quire.db.jobs.ListRole;
import dev.quire.db.jobs.SyncExclusionRepository;
import dev.quire.db.jobs.SyncSource;
import dev.quire.db.jobs.SyncSourceRepository;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.MembershipEventRepository;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.lists.command.RequestAddress;
import dev.quire.lists.pending.ConfirmAddress;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;

/**
 * The subscription state machine inside the deployed lists.war on MariaDB: requests, steps and tokens in
 * {@code pending_request}, members and the audit trail in their tables, every notice handed to a stand-in
 * MTA on the wire. Each test uses its own addresses on the demo list.
 */
@ExtendWith(ArquillianExtension.class)
class SubscriptionServiceIT {
    private static final Pattern TOKEN = Pattern.compile("\r\nSubject: confirm ([0-9a-f]{40})\r\n");

    @Deployment
    static WebArchive deployment() throws Exception {
        TestDatabase.named(System.getProperty("quire.it.lists.db", "quire_it_lists")).withDemoData();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/lists.war"))
                .addClasses(SubscriptionServiceIT.class, TestDatabase.class);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabase.drop(System.getProperty("quire.it.lists.db", "quire_it_lists"));
    }

    /** One message the stand-in MTA received. */
    record Handoff(EmailAddress sender, List<EmailAddress> recipients, String message) {
    }

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ConfirmAddress confirmAddress;

    @Inject
    RequestAddress requestAddress;

    @Inject
    dev.quire.lists.command.LeaveAddress leaveAddress;

    @Inject
    MailingListRepository lists;

    @Inject
    MemberRepository members;

    @Inject
    MembershipEventRepository events;

    @Inject
    PendingRequestRepository requests;

    @Inject
    UserTransaction tx;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/quire")
    javax.sql.DataSource dataSource;

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

    /** Changes the demo list and its staff in one committed transaction. */
    private void setUp(SubscriptionPolicy policy, String owner) throws Exception {
        tx.begin();
        MailingList list = demo();
        list.subscriptions().setSubscriptionPolicy(policy);
        if (owner != null && members.find(list, EmailAddress.parse(owner), MemberRole.OWNER).isEmpty()) {
            members.add(new Member(list, EmailAddress.parse(owner), MemberRole.OWNER));
        }
        tx.commit();
    }

    private Handoff lastTo(String address) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).recipients().contains(EmailAddress.parse(address))) {
                return received.get(i);
            }
        }
        throw new AssertionError("nothing went to " + address + ": " + received);
    }

    private static String token(Handoff h) {
        Matcher m = TOKEN.matcher(h.message());
        assertTrue(m.find(), h.message());
        return m.group(1);
    }

    private Reply reply(String token, String from, String body) throws IOException {
        String msg = "From: " + from + "\r\nSubject: Re: confirm " + token + "\r\nMessage-ID: <" + token.substring(0, 8)
                + "@it.test>\r\n\r\n" + body + "\r\n";
        return confirmAddress.deliver(demo(), new ListAddress("demo", ListAddress.Function.CONFIRM, token),
                EmailAddress.parse(from), msg.getBytes(StandardCharsets.UTF_8));
    }

    private List<PendingRequest> pendingFor(String address) {
        return subscriptions.pending(demo()).stream().filter(r -> r.address().equals(address)).toList();
    }

    @Test
    void confirmThenModerateIsPersistedStepByStepAndCompletesWithAWelcome() throws Exception {
        setUp(SubscriptionPolicy.CONFIRM_THEN_MODERATE, "owner@example.test");

        Outcome o = subscriptions.subscribe(demo(), EmailAddress.parse("dave@remote.test"), "Dave", Channel.EMAIL,
                "dave@remote.test");
        assertEquals(Outcome.Status.CONFIRMATION_SENT, o.status());
        Handoff confirmation = lastTo("dave@remote.test");
        assertEquals("demo-bounces@lists.example.test", confirmation.sender().toString());
        String first = token(confirmation);
        assertTrue(confirmation.message().contains("\r\nReply-To: demo-confirm+" + first + "@lists.example.test\r\n"));
        List<PendingRequest> waiting = pendingFor("dave@remote.test");
        assertEquals(1, waiting.size());
        assertEquals("CONFIRM", waiting.get(0).step());
        assertEquals(first, waiting.get(0).token());
        assertEquals("{\"steps\":[\"CONFIRM\",\"MODERATE\"],\"channel\":\"EMAIL\",\"requester\":\"dave@remote.test\"}",
                waiting.get(0).data());
        assertTrue(waiting.get(0).expiresAt().isAfter(Instant.now().plusSeconds(3 * 86400 - 120)),
                "three days by default");

        assertEquals(Outcome.Status.CONFIRMATION_RESENT, subscriptions.subscribe(demo(), EmailAddress.parse(
                "dave@remote.test"), "Dave", Channel.EMAIL, "dave@remote.test").status());
        assertEquals(1, pendingFor("dave@remote.test").size(), "asking again made no second request");

        assertEquals(250, reply(first, "dave@remote.test", "yes").code());
        String second = token(lastTo("owner@example.test"));
        waiting = pendingFor("dave@remote.test");
        assertEquals(List.of("MODERATE:" + second), waiting.stream().map(r -> r.step() + ":" + r.token()).toList());

        reply(second, "alice@example.test", "");
        assertTrue(lastTo("alice@example.test").message().contains("Only an owner or moderator"));
        assertTrue(members.find(demo(), EmailAddress.parse("dave@remote.test"), MemberRole.MEMBER).isEmpty());

        reply(second, "owner@example.test", "");
        Member dave = members.find(demo(), EmailAddress.parse("dave@remote.test"), MemberRole.MEMBER).orElseThrow();
        assertEquals("Dave", dave.displayName());
        assertTrue(pendingFor("dave@remote.test").isEmpty());
        assertTrue(lastTo("dave@remote.test").message().contains("\r\nSubject: Welcome to the \"Demo list\" mailing"
                + " list\r\n"), lastTo("dave@remote.test").message());
        assertEquals(List.of("SUBSCRIBED owner@example.test"), events.of(demo(), EmailAddress.parse(
                "dave@remote.test")).stream().map(e -> e.event() + " " + e.actor()).toList());
    }

    @Test
    void aPendingRequestKeepsItsStepsWhenThePolicyChanges() throws Exception {
        setUp(SubscriptionPolicy.MODERATE, "owner@example.test");
        subscriptions.subscribe(demo(), EmailAddress.parse("erin@remote.test"), null, Channel.EMAIL,
                "erin@remote.test");
        String approval = token(lastTo("owner@example.test"));
        setUp(SubscriptionPolicy.OPEN, null);

        assertEquals(Outcome.Status.SUBSCRIBED, subscriptions.subscribe(demo(), EmailAddress.parse(
                "frank@remote.test"), null, Channel.EMAIL, "frank@remote.test").status(), "new requests: open");
        assertEquals(List.of("MODERATE"), pendingFor("erin@remote.test").stream().map(PendingRequest::step).toList(),
                "erin's request, made before, still waits for its moderator");

        reply(approval, "owner@example.test", "reject: not today");
        assertTrue(members.find(demo(), EmailAddress.parse("erin@remote.test"), MemberRole.MEMBER).isEmpty());
        assertTrue(lastTo("erin@remote.test").message().contains("not today"));
        assertEquals(List.of("REQUEST_REJECTED join: not today"), events.of(demo(), EmailAddress.parse(
                "erin@remote.test")).stream().map(e -> e.event() + " " + e.detail()).toList());
    }

    @Test
    void setCommandsChangeTheStoredMember() throws Exception {
        String msg = "From: bob@example.test\r\nSubject: set digest plain\r\n\r\nset hide off\r\nset\r\n";
        Reply r = requestAddress.deliver(demo(), new ListAddress("demo", ListAddress.Function.REQUEST, ""),
                EmailAddress.parse("bob@example.test"), msg.getBytes(StandardCharsets.UTF_8));

        assertEquals(250, r.code());
        Member bob = members.find(demo(), EmailAddress.parse("bob@example.test"), MemberRole.MEMBER).orElseThrow();
        assertEquals(dev.quire.db.list.DeliveryMode.PLAIN_DIGEST, bob.deliveryMode());
        assertFalse(bob.hideAddress());
        Handoff reply = lastTo("bob@example.test");
        assertEquals("demo-bounces@lists.example.test", reply.sender().toString());
        assertTrue(reply.message().contains("From: \"Demo list\" <demo-request@lists.example.test>")
                || reply.message().contains("From: Demo list <demo-request@lists.example.test>"), reply.message());
        assertEquals(2, events.of(demo(), EmailAddress.parse("bob@example.test")).size());
    }

    @Test
    void aSyncedMemberWhoLeavesStaysOutOfLaterSyncsUntilAnOwnerAddsThemAgain() throws Exception {
        setUp(SubscriptionPolicy.OPEN, "owner@example.test");
        tx.begin();
        demo().subscriptions().setUnsubscriptionPolicy(SubscriptionPolicy.CONFIRM);
        tx.commit();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("synced-staff", ".txt");
        java.nio.file.Files.writeString(file, "gina@staff.test\nhal@staff.test\n");
        ListRole roster = new ListRole(demo().id(), MemberRole.MEMBER);
        new SyncSourceRepository(dataSource).add(SyncSource.file(roster.listId(), MemberRole.MEMBER, "staff-file",
                file.toString()));
        MembershipSync sync = new MembershipSync(dataSource, new ExternalDatabases(k -> java.util.Optional.empty()),
                new SafetyValve(1.0));
        try {
            sync.sync(roster, false);
            Member gina = members.find(demo(), EmailAddress.parse("gina@staff.test"), MemberRole.MEMBER).orElseThrow();
            assertFalse(gina.subscribedByHand(), "the sync added gina");

            String leave = "From: gina@staff.test\r\nSubject: leave\r\nMessage-ID: <gina-leaves@it.test>\r\n\r\n";
            assertEquals(250, leaveAddress.deliver(demo(), new ListAddress("demo", ListAddress.Function.LEAVE, ""),
                    EmailAddress.parse("gina@staff.test"), leave.getBytes(StandardCharsets.UTF_8)).code());
            Handoff confirmation = received.stream().filter(h -> h.recipients().contains(EmailAddress.parse(
                    "gina@staff.test")) && TOKEN.matcher(h.message()).find()).reduce((a, b) -> b).orElseThrow();
            assertEquals(250, reply(token(confirmation), "gina@staff.test", "").code());
            assertTrue(members.find(demo(), EmailAddress.parse("gina@staff.test"), MemberRole.MEMBER).isEmpty());
            assertEquals(java.util.Set.of("gina@staff.test"), new SyncExclusionRepository(dataSource).excluded(roster));

            SyncReport again = sync.sync(roster, false);
            assertTrue(members.find(demo(), EmailAddress.parse("gina@staff.test"), MemberRole.MEMBER).isEmpty(),
                    "the next sync did not add gina back");
            assertTrue(members.find(demo(), EmailAddress.parse("hal@staff.test"), MemberRole.MEMBER).isPresent());
            assertEquals(1L, again.counts().get("excluded"), again.counts().toString());

            assertEquals(Outcome.Status.SUBSCRIBED, subscriptions.subscribe(demo(), EmailAddress.parse(
                    "gina@staff.test"), "Gina", Channel.ADMIN, "owner@example.test").status());
            assertTrue(new SyncExclusionRepository(dataSource).excluded(roster).isEmpty(), "the re-add lifted it");
            java.nio.file.Files.writeString(file, "hal@staff.test\n");
            sync.sync(roster, false);
            Member back = members.find(demo(), EmailAddress.parse("gina@staff.test"), MemberRole.MEMBER).orElseThrow();
            assertTrue(back.subscribedByHand(), "gina is now a member by hand, whom syncs never remove");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
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
