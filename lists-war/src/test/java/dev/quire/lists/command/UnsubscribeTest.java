package dev.quire.lists.command;

import static dev.quire.lists.command.CommandTesting.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.MemberRole;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.lists.TestWorld;
import dev.quire.mail.EmailAddress;

class UnsubscribeTest {
    private final TestWorld w = new TestWorld();

    @Test
    void onAnOpenListTheSenderLeavesAtOnceAndGetsAGoodbye() throws Exception {
        w.add("alice@example.test", MemberRole.MEMBER);
        w.list.subscriptions().setUnsubscriptionPolicy(SubscriptionPolicy.OPEN);
        assertEquals("alice@example.test has left demo@lists.example.test.", w.unsubscribe.execute(from(w,
                "alice@example.test"), List.of()));
        assertTrue(w.memberships.member(w.list, EmailAddress.parse("alice@example.test")).isEmpty());
        assertEquals("You have left the \"Demo list\" mailing list", w.last("alice@example.test").notice().subject());
    }

    @Test
    void removingSomeoneElseNeedsTheirConfirmation() throws Exception {
        w.add("bob@example.test", MemberRole.MEMBER);
        w.list.subscriptions().setUnsubscriptionPolicy(SubscriptionPolicy.OPEN);
        String result = w.unsubscribe.execute(from(w, "mallory@remote.test"), List.of("bob@example.test"));
        assertTrue(result.startsWith("A confirmation request was sent to bob@example.test"), result);
        assertTrue(w.memberships.member(w.list, EmailAddress.parse("bob@example.test")).isPresent());
    }

    @Test
    void aNonMemberIsToldSo() throws Exception {
        assertEquals("erin@remote.test is not a member of demo@lists.example.test.", w.unsubscribe.execute(from(w,
                "erin@remote.test"), List.of()));
        assertTrue(w.sent.isEmpty());
    }
}
