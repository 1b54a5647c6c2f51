package dev.quire.lists.command;

import static dev.quire.lists.command.CommandTesting.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.lists.TestWorld;
import dev.quire.mail.EmailAddress;

class SubscribeTest {
    private final TestWorld w = new TestWorld();

    @Test
    void onAnOpenListTheSenderJoinsAtOnce() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.OPEN);
        assertEquals("dave@remote.test is now a member of demo@lists.example.test.", w.subscribe.execute(from(w,
                "dave@remote.test"), List.of()));
        assertTrue(w.memberships.member(w.list, EmailAddress.parse("dave@remote.test")).isPresent());
    }

    @Test
    void anotherAddressGetsAConfirmationRequestAndIsNotSubscribed() throws Exception {
        w.list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.OPEN);
        String result = w.subscribe.execute(from(w, "alice@example.test"), List.of("address=<erin@remote.test>"));
        assertTrue(result.startsWith("A confirmation request was sent to erin@remote.test"), result);
        assertTrue(w.memberships.member(w.list, EmailAddress.parse("erin@remote.test")).isEmpty());
        assertEquals("confirm " + TestWorld.token(w.last("erin@remote.test")), w.last("erin@remote.test").notice()
                .subject());
    }

    @Test
    void aWrongAddressIsAnsweredNotThrown() throws Exception {
        assertTrue(w.subscribe.execute(from(w, "alice@example.test"), List.of("erin@")).startsWith(
                "\"erin@\" is not an email address"));
        assertTrue(w.sent.isEmpty());
    }
}
