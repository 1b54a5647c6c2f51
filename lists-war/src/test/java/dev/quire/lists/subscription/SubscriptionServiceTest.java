package dev.quire.lists.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.lists.TestWorld;
import dev.quire.lists.pending.Token;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/** The join and leave workflows step by step, resumed by literal reply messages. */
class SubscriptionServiceTest {
    private static final EmailAddress DAVE = EmailAddress.parse("dave@remote.test");
    private TestWorld w;

    @BeforeEach
    void world() {
        w = new TestWorld();
        w.add("bob@example.test", MemberRole.OWNER);
        w.add("alice@example.test", MemberRole.MEMBER);
    }

    private Reply replyToConfirm(String token, String from, String body) throws Exception {
        String msg = "From: " + from + "\r\nTo: demo-confirm+" + token + "@lists.example.test\r\nSubject: Re: confirm "
                + token + "\r\nMessage-ID: <r-" + token.substring(0, 6) + "@test>\r\n\r\n" + body + "\r\n";
        return w.confirmAddress.deliver(w.list, new ListAddress("demo", ListAddress.Function.CONFIRM, token),
                EmailAddress.parse(from.replaceAll(".*<(.*)>", "$1")), msg.getBytes(StandardCharsets.UTF_8));
    }

    private boolean member(String address) {
        return w.memberships.member(w.list, EmailAddress.parse(address)).isPresent();
    }

    @Test
    void confirmThenModerateWaitsForTheAddressThenForAModeratorEachBehindItsOwnToken() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.CONFIRM_THEN_MODERATE);

        Outcome asked = w.subscriptions.subscribe(w.list, DAVE, "Dave", Channel.EMAIL, "dave@remote.test");
        assertEquals(Outcome.Status.CONFIRMATION_SENT, asked.status());
        TestWorld.Sent confirmation = w.last("dave@remote.test");
        String first = TestWorld.token(confirmation);
        assertEquals("demo-bounces@lists.example.test", confirmation.envelopeSender().toString());
        assertEquals("demo-request@lists.example.test", confirmation.notice().from().toString());
        assertTrue(confirmation.wire().contains("\r\nReply-To: demo-confirm+" + first + "@lists.example.test\r\n"));
        assertTrue(confirmation.notice().body().contains("confirm " + first), confirmation.notice().body());
        assertEquals(List.of("CONFIRM"), w.requests.all.stream().map(r -> r.step()).toList());

        assertEquals(250, replyToConfirm(first, "dave@remote.test", "yes please").code());
        assertTrue(w.last("dave@remote.test").notice().body().contains("now waits for a moderator's approval"));
        assertFalse(member("dave@remote.test"));
        TestWorld.Sent approval = w.last("bob@example.test");
        String second = TestWorld.token(approval);
        assertNotEquals(first, second, "the moderator's token is not the one the subscriber holds");
        assertTrue(approval.notice().body().startsWith("dave@remote.test asks to join the Demo list"));
        assertEquals(List.of("MODERATE"), w.requests.all.stream().map(r -> r.step()).toList());

        replyToConfirm(first, "dave@remote.test", "approve myself");
        assertTrue(w.last("dave@remote.test").notice().body().contains("unknown or has expired"));
        replyToConfirm(second, "alice@example.test", "");
        assertTrue(w.last("alice@example.test").notice().body().startsWith("Only an owner or moderator"));
        assertFalse(member("dave@remote.test"));

        replyToConfirm(second, "bob@example.test", "");
        assertTrue(member("dave@remote.test"));
        assertEquals("Dave", w.memberships.member(w.list, DAVE).get().displayName());
        assertTrue(w.requests.all.isEmpty());
        assertEquals("dave@remote.test is now a member of demo@lists.example.test.", w.last("bob@example.test")
                .notice().body().strip());
        TestWorld.Sent welcome = w.last("dave@remote.test");
        assertEquals("Welcome to the \"Demo list\" mailing list", welcome.notice().subject());
        assertTrue(welcome.notice().body().contains("To leave, send any message to demo-leave@lists.example.test"),
                welcome.notice().body());
        assertEquals(List.of("SUBSCRIBED dave@remote.test bob@example.test"), w.events.lines());
    }

    @Test
    void aModeratorsRejectionTellsTheAddressWhyAndIsAudited() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.MODERATE);
        assertEquals(Outcome.Status.AWAITING_APPROVAL, w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL,
                "dave@remote.test").status());
        String token = TestWorld.token(w.last("bob@example.test"));

        replyToConfirm(token, "Bob <bob@example.test>", "reject we only take staff");

        assertFalse(member("dave@remote.test"));
        TestWorld.Sent told = w.last("dave@remote.test");
        assertEquals("Your request to join \"Demo list\" was rejected", told.notice().subject());
        assertTrue(told.notice().body().contains("    we only take staff"), told.notice().body());
        assertEquals(List.of("REQUEST_REJECTED dave@remote.test bob@example.test"), w.events.lines());
        assertTrue(w.requests.all.isEmpty());
    }

    @Test
    void aPolicyChangeNeitherBlocksNorReroutesAPendingRequestButNewRequestsFollowIt() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.CONFIRM);
        w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL, "dave@remote.test");
        String daves = TestWorld.token(w.last("dave@remote.test"));
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.CONFIRM_THEN_MODERATE);

        replyToConfirm(daves, "dave@remote.test", "");
        assertTrue(member("dave@remote.test"), "made under 'confirm', confirming completes it");
        assertTrue(w.to("bob@example.test").isEmpty(), "no moderator was asked");

        w.subscriptions.subscribe(w.list, EmailAddress.parse("erin@remote.test"), null, Channel.EMAIL,
                "erin@remote.test");
        replyToConfirm(TestWorld.token(w.last("erin@remote.test")), "erin@remote.test", "");
        assertFalse(member("erin@remote.test"), "made under the new policy, it now waits for a moderator");
        assertEquals(1, w.to("bob@example.test").size());
    }

    @Test
    void aRequestWaitingForAModeratorStillCompletesAfterTheListOpensUp() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.MODERATE);
        w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL, "dave@remote.test");
        String token = TestWorld.token(w.last("bob@example.test"));
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.OPEN);

        assertEquals("dave@remote.test is now a member of demo@lists.example.test.", w.subscriptions.approve(
                new Token(token), "admin").orElseThrow());
        assertTrue(member("dave@remote.test"));
    }

    @Test
    void askingAgainResendsTheSameConfirmationInsteadOfASecondRequest() throws Exception {
        w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL, "dave@remote.test");
        Instant firstExpiry = w.requests.all.get(0).expiresAt();
        Outcome again = w.subscriptions.subscribe(w.list, EmailAddress.parse("Dave@Remote.test"), null, Channel.EMAIL,
                "Dave@Remote.test");

        assertEquals(Outcome.Status.CONFIRMATION_RESENT, again.status());
        assertEquals(1, w.requests.all.size());
        List<TestWorld.Sent> both = w.to("dave@remote.test");
        assertEquals(2, both.size());
        assertEquals(TestWorld.token(both.get(0)), TestWorld.token(both.get(1)));
        assertFalse(w.requests.all.get(0).expiresAt().isBefore(firstExpiry));
    }

    @Test
    void someoneElsesAddressMustConfirmEvenOnAnOpenList() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.OPEN);
        Outcome o = w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL, "alice@example.test");

        assertEquals(Outcome.Status.CONFIRMATION_SENT, o.status());
        assertFalse(member("dave@remote.test"));
        assertTrue(w.last("dave@remote.test").notice().body().startsWith(
                "A request was made (by email from alice@example.test) to subscribe dave@remote.test to the Demo list"));
        assertEquals(Outcome.Status.SUBSCRIBED, w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL,
                "dave@remote.test").status(), "but dave's own request needs nothing");
    }

    @Test
    void anAdministratorAddsAndRemovesAtOnceWithWelcomeAndGoodbyeAsConfigured() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.CONFIRM_THEN_MODERATE);
        w.list.subscriptions().setSendWelcome(false);
        w.list.subscriptions().setGoodbyeTemplate("Bye $address, from $display_name.");

        assertEquals(Outcome.Status.SUBSCRIBED, w.subscriptions.subscribe(w.list, DAVE, null, Channel.ADMIN, "admin")
                .status());
        assertTrue(member("dave@remote.test"));
        assertTrue(w.sent.isEmpty(), "no confirmation, no approval, and this list sends no welcome");

        assertEquals(Outcome.Status.UNSUBSCRIBED, w.subscriptions.unsubscribe(w.list, DAVE, Channel.ADMIN, "admin")
                .status());
        assertEquals("Bye dave@remote.test, from Demo list.", w.last("dave@remote.test").notice().body());
        assertEquals(List.of("SUBSCRIBED dave@remote.test admin", "UNSUBSCRIBED dave@remote.test admin"), w.events
                .lines());
    }

    @Test
    void leavingUnderTheConfirmPolicyWaitsForTheMembersReply() throws Exception {
        EmailAddress alice = EmailAddress.parse("alice@example.test");
        assertEquals(Outcome.Status.CONFIRMATION_SENT, w.subscriptions.unsubscribe(w.list, alice, Channel.EMAIL,
                "alice@example.test").status());
        assertTrue(member("alice@example.test"));

        replyToConfirm(TestWorld.token(w.last("alice@example.test")), "alice@example.test", "");
        assertFalse(member("alice@example.test"));
        assertTrue(w.to("alice@example.test").stream().anyMatch(n -> n.notice().subject().equals(
                "You have left the \"Demo list\" mailing list")
                && n.notice().body().startsWith(
                        "alice@example.test has left the Demo list mailing list (demo@lists.example.test).")));
        assertEquals("alice@example.test has left demo@lists.example.test.", w.last("alice@example.test").notice()
                .body().strip(), "the answer to the confirmation");
        assertEquals(Outcome.Status.NOT_MEMBER, w.subscriptions.unsubscribe(w.list, alice, Channel.EMAIL,
                "alice@example.test").status());
    }

    @Test
    void anExpiredTokenConfirmsNothing() throws Exception {
        w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL, "dave@remote.test");
        String token = TestWorld.token(w.last("dave@remote.test"));
        w.requests.all.get(0).setExpiresAt(Instant.now().minusSeconds(1));

        replyToConfirm(token, "dave@remote.test", "");
        assertFalse(member("dave@remote.test"));
        assertTrue(w.last("dave@remote.test").notice().body().contains("unknown or has expired"));
    }

    @Test
    void anAutoResponderAnsweringTheConfirmationConfirmsNothing() throws Exception {
        w.subscriptions.subscribe(w.list, DAVE, null, Channel.EMAIL, "dave@remote.test");
        String token = TestWorld.token(w.last("dave@remote.test"));
        String vacation = "From: dave@remote.test\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n\r\n"
                + "I am away.\r\n";
        w.confirmAddress.deliver(w.list, new ListAddress("demo", ListAddress.Function.CONFIRM, token), DAVE, vacation
                .getBytes(StandardCharsets.UTF_8));

        assertFalse(member("dave@remote.test"));
        assertEquals(1, w.to("dave@remote.test").size(), "and it gets no answer");
    }
}
