package dev.quire.lists.command;

import static dev.quire.lists.command.CommandTesting.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.TestWorld;
import dev.quire.lists.subscription.Channel;
import dev.quire.mail.EmailAddress;

class ConfirmTest {
    private final TestWorld w = new TestWorld();

    @Test
    void theTokenFromTheConfirmationCompletesTheRequest() throws Exception {
        w.subscriptions.subscribe(w.list, EmailAddress.parse("dave@remote.test"), null, Channel.EMAIL,
                "dave@remote.test");
        String token = TestWorld.token(w.last("dave@remote.test"));

        assertEquals("dave@remote.test is now a member of demo@lists.example.test.", w.confirm.execute(from(w,
                "dave@remote.test"), List.of(token.toUpperCase())));
        assertTrue(w.memberships.member(w.list, EmailAddress.parse("dave@remote.test")).isPresent());
        assertEquals("The token " + token + " is unknown or has expired (or was already used).", w.confirm.execute(
                from(w, "dave@remote.test"), List.of(token)));
    }

    @Test
    void somethingThatIsNoTokenIsExplained() throws Exception {
        assertEquals("\"confirm\" needs the token from the message you received: confirm TOKEN", w.confirm.execute(
                from(w, "dave@remote.test"), List.of("please")));
        assertEquals("\"confirm\" needs the token from the message you received: confirm TOKEN", w.confirm.execute(
                from(w, "dave@remote.test"), List.of()));
    }
}
