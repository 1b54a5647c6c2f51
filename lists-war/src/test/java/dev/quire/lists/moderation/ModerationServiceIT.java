package dev.quire.lists.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.quire.db.TestDatabase;
import dev.quire.db.list.Action;
import dev.quire.db.list.Ban;
import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.HeldMessageRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.db.user.PasswordHash;
import dev.quire.lists.pending.PendingFlow;
import dev.quire.lists.posting.PostingService;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;

/**
 * The moderation queue inside the deployed lists.war on MariaDB: held posts notify the moderators with a
 * token, a moderator's reply resumes the HELD_POST flow, the service's five actions do what they say, and
 * reminders go out once a day. A real SMTP server in the test plays the MTA and records what leaves.
 */
@ExtendWith(ArquillianExtension.class)
class ModerationServiceIT {
    private static final String DB = System.getProperty("quire.it.lists.db");
    private static final Pattern TOKEN = Pattern
            .compile("\r\nReply-To: demo-confirm\\+([0-9a-f]{40})@lists\\.example\\.test\r\n");

    @Deployment
    static WebArchive deployment() throws Exception {
        TestDatabase.named(DB).withDemoData();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/lists.war"))
                .addClasses(ModerationServiceIT.class, InTransaction.class, TestDatabase.class);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabase.drop(DB);
    }

    /** One transaction the stand-in MTA received. */
    record Handoff(EmailAddress sender, List<EmailAddress> recipients, String message) {
    }

    @Inject
    PostingService posting;

    @Inject
    ModerationService moderation;

    @Inject
    MailingListRepository lists;

    @Inject
    HeldMessageRepository held;

    @Inject
    PendingRequestRepository pending;

    @Inject
    @Any
    Instance<PendingFlow> flows;

    @Inject
    InTransaction tx;

    @Inject
    dev.quire.lists.pending.PendingUpkeep pendingUpkeep;

    @Inject
    UserTransaction utx;

    private final List<Handoff> received = new CopyOnWriteArrayList<>();
    private SmtpServer mta;

    @BeforeEach
    void setUp() throws IOException {
        tx.apply(em -> {
            MailingList list = em.createQuery("select l from MailingList l where l.name = 'demo'", MailingList.class)
                    .getSingleResult();
            if (em.createQuery("select count(m) from Member m where m.role = :r", Long.class)
                    .setParameter("r", MemberRole.MODERATOR).getSingleResult() == 0) {
                em.persist(new Member(list, EmailAddress.parse("bob@example.test"), MemberRole.MODERATOR));
                em.persist(new Member(list, EmailAddress.parse("owner@example.test"), MemberRole.OWNER));
            }
            return null;
        });
        int port = Integer.parseInt(System.getenv("QUIRE_INTERNAL_PORT"));
        mta = new SmtpServer(SmtpServerConfig.builder().port(port).hostname("mta.quire.test").build(),
                ctx -> new Recorder(), Thread::new);
        mta.start();
    }

    @AfterEach
    void tearDown() {
        mta.close();
    }

    private MailingList demo() {
        return lists.find("lists.example.test", "demo").orElseThrow();
    }

    private static byte[] post(String from, String messageId, String subject) {
        return ("From: " + from + "\r\nTo: demo@lists.example.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + messageId + ">\r\n\r\nPlease read this.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private HeldMessage heldPost(String messageId) {
        return held.of(demo()).stream().filter(h -> h.messageId().equals("<" + messageId + ">")).findFirst()
                .orElseThrow(() -> new AssertionError("not held: " + messageId));
    }

    private boolean isHeld(String messageId) {
        return held.of(demo()).stream().anyMatch(h -> h.messageId().equals("<" + messageId + ">"));
    }

    private List<Handoff> to(String address) {
        return received.stream().filter(h -> h.recipients().contains(EmailAddress.parse(address))).toList();
    }

    private boolean tokenOpen(String token) {
        return tx.apply(em -> em.createQuery("select count(p) from PendingRequest p where p.token = :t", Long.class)
                .setParameter("t", token).getSingleResult()) == 1;
    }

    /** The text a reader sees: the first text part, decoded. */
    private static String text(String message) throws IOException {
        Message m = new DefaultMessageBuilder().parseMessage(
                new java.io.ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        Body body = m.getBody() instanceof Multipart
                ? ((Multipart) m.getBody()).getBodyParts().get(0).getBody()
                : m.getBody();
        return new String(((TextBody) body).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String resume(String token, String reply) throws Exception {
        PendingFlow flow = flows.stream().filter(f -> f.kind().equals("HELD_POST")).findFirst().orElseThrow();
        utx.begin();
        try {
            PendingRequest request = pending.lockByToken(token, Instant.now()).orElseThrow();
            String outcome = flow.resume(request, EmailAddress.parse("bob@example.test"),
                    reply.getBytes(StandardCharsets.UTF_8));
            utx.commit();
            return outcome;
        } catch (Exception | AssertionError e) {
            utx.rollback();
            throw e;
        }
    }

    @Test
    void aHeldPostNotifiesTheModeratorsWithEveryReasonThePostAndAToken() throws Exception {
        assertEquals(Action.HOLD, posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("Mallory <mallory@remote.test>", "notice-1@remote.test", "unsubscribe")));

        assertEquals(2, received.size(), "the moderators' notice and the poster's, no distribution");
        Handoff notice = received.get(0);
        assertEquals(EmailAddress.parse("demo-bounces@lists.example.test"), notice.sender());
        assertEquals(List.of("owner@example.test", "bob@example.test"),
                notice.recipients().stream().map(EmailAddress::toString).toList());
        String m = notice.message();
        assertTrue(m.contains("\r\nSubject: Demo list post from mallory@remote.test requires approval\r\n"), m);
        assertTrue(m.contains("Content-Type: multipart/mixed"), m);
        String text = text(m);
        assertTrue(text.contains("      - nonmember-moderation: the message is not from a list member"
                + " (mallory@remote.test)\r\n      - administrivia: the subject looks like a command: unsubscribe\r\n"),
                text);
        assertTrue(text.contains("    accept                 send the post to the list"), text);
        assertTrue(m.contains("Content-Type: message/rfc822\r\n"), m);
        assertTrue(m.contains("\r\n\r\nFrom: Mallory <mallory@remote.test>\r\n"), m);
        Matcher token = TOKEN.matcher(m);
        assertTrue(token.find(), m);
        assertTrue(tokenOpen(token.group(1)));
        assertTrue(heldPost("notice-1@remote.test").notifiedAt() != null);
    }

    @Test
    void thePosterIsToldTheirPostAwaitsApprovalUpToTenTimesADayButNotWhenAutomatedOrSwitchedOff() throws Exception {
        assertEquals(Action.HOLD, posting.post(demo(), EmailAddress.parse("oscar@remote.test"),
                post("Oscar <oscar@remote.test>", "await-0@remote.test", "a question")));
        List<Handoff> toOscar = to("oscar@remote.test");
        assertEquals(1, toOscar.size());
        Handoff notice = toOscar.get(0);
        assertNull(notice.sender(), "the null envelope sender, so it cannot loop");
        String m = notice.message();
        assertTrue(m.contains("demo-owner@lists.example.test>\r\n"), m);
        assertTrue(m.contains("\r\nSubject: Your message to Demo list awaits moderator approval\r\n"), m);
        assertTrue(m.contains("\r\nIn-Reply-To: <await-0@remote.test>\r\n"), m);
        assertTrue(m.contains("\r\nAuto-Submitted: auto-replied\r\n"), m);
        assertTrue(text(m).contains("    - nonmember-moderation: the message is not from a list member"
                + " (oscar@remote.test)"), text(m));

        for (int i = 1; i <= 11; i++) {
            assertEquals(Action.HOLD, posting.post(demo(), EmailAddress.parse("oscar@remote.test"),
                    post("oscar@remote.test", "await-" + i + "@remote.test", "question " + i)));
        }
        toOscar = to("oscar@remote.test");
        assertEquals(11, toOscar.size(), "ten notices, then one saying there will be no more today, then silence");
        assertTrue(toOscar.get(9).message().contains("awaits moderator approval"));
        assertTrue(toOscar.get(10).message().contains("\r\nSubject: No more notices today from Demo list\r\n"),
                toOscar.get(10).message());
        assertEquals(12, to("bob@example.test").stream().filter(h -> h.message().contains("await-")).count(),
                "the moderators hear of every held post");

        byte[] bulk = ("From: paula@remote.test\r\nTo: demo@lists.example.test\r\nSubject: news\r\n"
                + "Precedence: bulk\r\nMessage-ID: <await-bulk@remote.test>\r\n\r\nNewsletter.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Action.HOLD, posting.post(demo(), EmailAddress.parse("paula@remote.test"), bulk));
        assertTrue(to("paula@remote.test").isEmpty(), "no answer to bulk mail");
        int before = received.size();
        assertEquals(Action.HOLD, posting.post(demo(), null, post("mailer-daemon@remote.test",
                "await-bounce@remote.test", "Undelivered Mail Returned to Sender")));
        assertTrue(received.subList(before, received.size()).stream()
                .noneMatch(h -> h.message().contains("awaits moderator approval")), "no answer to a null sender");

        tx.apply(em -> {
            em.merge(demo()).posting().setRespondToPostRequests(false);
            return null;
        });
        try {
            assertEquals(Action.HOLD, posting.post(demo(), EmailAddress.parse("quinn@remote.test"),
                    post("quinn@remote.test", "await-off@remote.test", "quiet")));
            assertTrue(to("quinn@remote.test").isEmpty(), "the list does not respond to post requests");
        } finally {
            tx.apply(em -> {
                em.merge(demo()).posting().setRespondToPostRequests(true);
                return null;
            });
        }
    }

    @Test
    void aModeratorsAcceptByReplySendsThePostToTheMembers() throws Exception {
        posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "by-mail-1@remote.test", "a fair question"));
        Matcher token = TOKEN.matcher(received.get(0).message());
        assertTrue(token.find());
        received.clear();

        String outcome = resume(token.group(1), "From: Bob <bob@example.test>\r\nSubject: Re: held\r\n\r\n"
                + "accept\r\n\r\n> A post to demo@lists.example.test is held\r\n");

        assertTrue(outcome.endsWith(": accepted and sent to the list."), outcome);
        assertEquals(1, received.size());
        assertEquals(List.of("alice@example.test", "bob@example.test", "carol@remote.test"),
                received.get(0).recipients().stream().map(EmailAddress::toString).toList());
        assertTrue(received.get(0).message().contains("\r\nSubject: [demo] a fair question\r\n"));
        assertFalse(isHeld("by-mail-1@remote.test"));
        assertFalse(tokenOpen(token.group(1)), "the token is spent");

        received.clear();
        assertEquals(Action.DISCARD, posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "by-mail-1@remote.test", "a fair question")), "a second copy loops");
        assertTrue(received.isEmpty());
    }

    @Test
    void aReplyFromSomeoneElseOrWithoutACommandChangesNothing() throws Exception {
        posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "by-mail-2@remote.test", "approve me"));
        Matcher token = TOKEN.matcher(received.get(0).message());
        assertTrue(token.find());
        received.clear();

        String forged = resume(token.group(1), "From: mallory@remote.test\r\nSubject: Re: held\r\n\r\naccept\r\n");
        assertTrue(forged.startsWith("Only an owner or moderator of demo@lists.example.test"), forged);
        String vague = resume(token.group(1), "From: bob@example.test\r\nSubject: Re: held\r\n\r\nlooks fine\r\n");
        assertTrue(vague.startsWith("No command found"), vague);

        assertTrue(received.isEmpty());
        assertTrue(isHeld("by-mail-2@remote.test"));
        assertTrue(resume(token.group(1), "From: bob@example.test\r\nSubject: Re: defer\r\n\r\n").endsWith(
                ": deferred; it stays held."));
        assertTrue(isHeld("by-mail-2@remote.test"));
    }

    @Test
    void rejectTellsTheSenderTheReasonDiscardTellsNobody() throws Exception {
        posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "reject-1@remote.test", "buy now"));
        posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "discard-1@remote.test", "buy more"));
        long rejected = heldPost("reject-1@remote.test").id();
        long discarded = heldPost("discard-1@remote.test").id();
        received.clear();

        List<Outcome> r = moderation.reject(demo(), List.of(rejected, 999_999L), "Advertising is off topic here.",
                EmailAddress.parse("bob@example.test"));
        assertEquals(List.of(true, false), r.stream().map(Outcome::done).toList());
        assertEquals(1, received.size());
        Handoff notice = received.get(0);
        assertNull(notice.sender(), "a rejection notice has the null envelope sender");
        assertEquals(List.of(EmailAddress.parse("mallory@remote.test")), notice.recipients());
        assertTrue(
                text(notice.message()).contains("a moderator of the list rejected it: Advertising is off topic here."),
                notice.message());
        assertTrue(notice.message().contains("\r\nIn-Reply-To: <reject-1@remote.test>\r\n"), notice.message());

        received.clear();
        assertEquals("discarded", moderation.discard(demo(), List.of(discarded), null).get(0).detail());
        assertTrue(received.isEmpty());
        assertFalse(isHeld("reject-1@remote.test"));
        assertFalse(isHeld("discard-1@remote.test"));
    }

    @Test
    void acceptAndUnmoderateLetsTheMembersNextPostThrough() throws Exception {
        tx.apply(em -> em.createQuery("update Member m set m.moderationAction = :a where m.address = :x"
                + " and m.role = :r").setParameter("a", Action.HOLD).setParameter("x", "alice@example.test")
                .setParameter("r", MemberRole.MEMBER).executeUpdate());
        assertEquals(Action.HOLD, posting.post(demo(), EmailAddress.parse("alice@example.test"),
                post("alice@example.test", "moderated-1@example.test", "first")));
        received.clear();

        Outcome o = moderation.acceptAndUnmoderate(demo(), List.of(heldPost("moderated-1@example.test").id()),
                EmailAddress.parse("bob@example.test")).get(0);

        assertEquals("accepted and sent to the list; posts by the member alice@example.test are no longer moderated",
                o.detail());
        assertEquals(1, to("carol@remote.test").size());
        assertNull(lists.member(demo(), EmailAddress.parse("alice@example.test"), MemberRole.MEMBER).orElseThrow()
                .moderationAction(), "back to the list's default");
        assertEquals(Action.ACCEPT, posting.post(demo(), EmailAddress.parse("alice@example.test"),
                post("alice@example.test", "moderated-2@example.test", "second")));
    }

    @Test
    void aBannedSenderIsRejectedWithANoticeAndTheModeratorPasswordLetsANonMemberThrough() throws Exception {
        tx.apply(em -> {
            em.persist(new Ban(null, "^spam[0-9]+@"));
            MailingList list = em.merge(demo());
            list.posting().setModeratorPasswordHash(PasswordHash.create("s3cret".toCharArray()));
            return null;
        });
        assertEquals(Action.REJECT, posting.post(demo(), EmailAddress.parse("spam7@remote.test"),
                post("spam7@remote.test", "banned-1@remote.test", "deal")));
        assertEquals(1, to("spam7@remote.test").size());
        assertTrue(text(to("spam7@remote.test").get(0).message()).contains(
                "    - banned-address: spam7@remote.test is banned from this site"));

        received.clear();
        byte[] approved = ("From: dave@remote.test\r\nTo: demo@lists.example.test\r\nSubject: announcement\r\n"
                + "Message-ID: <approved-1@remote.test>\r\n\r\nApproved: s3cret\r\nThe office is closed on Friday.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Action.ACCEPT, posting.post(demo(), EmailAddress.parse("dave@remote.test"), approved));
        String copy = received.get(0).message();
        assertTrue(copy.endsWith("\r\n\r\nThe office is closed on Friday.\r\n"), copy);
        assertFalse(copy.contains("s3cret"), copy);
    }

    @Test
    void moderatorsAreRemindedOfOldHeldPostsOnceADay() throws Exception {
        posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "remind-1@remote.test", "still waiting"));
        received.clear();
        Instant later = Instant.now().plus(Duration.ofDays(2));

        assertEquals(0, moderation.remindModerators(Instant.now()), "nothing is a day old yet");
        assertEquals(1, moderation.remindModerators(later));
        assertEquals(1, received.size());
        String digest = text(received.get(0).message());
        assertTrue(digest.contains(" waited for a moderator for more than a day."), digest);
        assertTrue(digest.contains("Subject: still waiting"), digest);
        assertTrue(digest.contains("nonmember-moderation: the message is not from a list member"), digest);
        assertEquals(List.of("owner@example.test", "bob@example.test"),
                received.get(0).recipients().stream().map(EmailAddress::toString).toList());

        assertEquals(0, moderation.remindModerators(later.plus(Duration.ofHours(23))), "once a day");
        assertEquals(1, moderation.remindModerators(later.plus(Duration.ofHours(25))));
        assertTrue(heldPost("remind-1@remote.test").remindedAt() != null);
    }

    @Test
    void upkeepRejectsPostsHeldTooLongWithANoticeAndForgetsExpiredTokens() throws Exception {
        posting.post(demo(), EmailAddress.parse("mallory@remote.test"),
                post("mallory@remote.test", "expire-1@remote.test", "nobody looks"));
        List<Handoff> toModerators = to("bob@example.test");
        String token = tokenIn(toModerators.get(toModerators.size() - 1).message());
        received.clear();

        assertEquals(0, moderation.expireHeld(Instant.now().minus(Duration.ofDays(30))), "held for seconds only");
        assertTrue(isHeld("expire-1@remote.test"));

        assertEquals(1, moderation.expireHeld(Instant.now().plus(Duration.ofMinutes(1))));
        assertFalse(isHeld("expire-1@remote.test"), "the post left the queue");
        List<Handoff> told = to("mallory@remote.test");
        assertEquals(1, told.size(), "the sender is told");
        assertTrue(text(told.get(0).message()).contains("no moderator acted on it before"), told.get(0).message());
        assertFalse(tokenOpen(token), "its moderation token went with it");

        tx.apply(em -> {
            MailingList list = em.merge(demo());
            em.persist(new PendingRequest("0123456789abcdef0123456789abcdef01234567", list, "SUBSCRIBE", "CONFIRM",
                    "late@remote.test", null, null, Instant.now().minus(Duration.ofHours(1))));
            return null;
        });
        assertTrue(tokenOpen("0123456789abcdef0123456789abcdef01234567"));
        assertTrue(pendingUpkeep.expire(Instant.now()) >= 1);
        assertFalse(tokenOpen("0123456789abcdef0123456789abcdef01234567"), "an expired request is deleted");

        seen("<old-seen@remote.test>", Instant.now().minus(Duration.ofDays(31)));
        seen("<new-seen@remote.test>", Instant.now().minus(Duration.ofDays(1)));
        assertTrue(pendingUpkeep.forgetSeen(Instant.now()) >= 1);
        assertFalse(isSeen("<old-seen@remote.test>"), "a Message-ID older than quire.lists.seen.keep is forgotten");
        assertTrue(isSeen("<new-seen@remote.test>"), "a recent one is kept for the loop rule");
    }

    private void seen(String messageId, Instant at) {
        tx.apply(em -> em.createNativeQuery("INSERT INTO seen_message (list_id, message_id_hash, seen_at)"
                + " VALUES (?1, ?2, ?3)")
                .setParameter(1, demo().id())
                .setParameter(2, dev.quire.db.list.SeenMessageRepository.hash(messageId))
                .setParameter(3, java.sql.Timestamp.from(at))
                .executeUpdate());
    }

    private boolean isSeen(String messageId) {
        return tx.apply(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM seen_message WHERE list_id = ?1"
                + " AND message_id_hash = ?2")
                .setParameter(1, demo().id())
                .setParameter(2, dev.quire.db.list.SeenMessageRepository.hash(messageId))
                .getSingleResult()).intValue() == 1);
    }

    private static String tokenIn(String notice) {
        Matcher m = TOKEN.matcher(notice);
        if (!m.find()) {
            throw new AssertionError("no token in " + notice);
        }
        return m.group(1);
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
