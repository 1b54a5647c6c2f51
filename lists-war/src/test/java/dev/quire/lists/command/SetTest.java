package dev.quire.lists.command;

import static dev.quire.lists.command.CommandTesting.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.DeliveryMode;
import dev.quire.db.list.DisabledReason;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.TestWorld;

class SetTest {
    private final TestWorld w = new TestWorld();
    private final Member alice = w.add("alice@example.test", MemberRole.MEMBER);

    private String set(String... args) {
        return w.set.execute(from(w, "alice@example.test"), List.of(args));
    }

    @Test
    void aloneItShowsTheMembersOptions() {
        assertEquals("""
                Your options on demo@lists.example.test:
                  delivery on
                  digest off
                  ack off
                  notmetoo off
                  hide on""", set());
    }

    @Test
    void eachOptionChangesTheMemberAndIsAudited() {
        assertEquals("delivery is now off.", set("delivery", "off"));
        assertFalse(alice.deliveryEnabled());
        assertEquals(DisabledReason.BY_USER, alice.disabledReason());
        assertEquals("digest is now mime.", set("digest", "MIME"));
        assertEquals(DeliveryMode.MIME_DIGEST, alice.deliveryMode());
        assertEquals("digest is now plain.", set("digest", "plain"));
        assertEquals(DeliveryMode.PLAIN_DIGEST, alice.deliveryMode());
        assertEquals("ack is now on.", set("ack", "on"));
        assertTrue(alice.acknowledgePosts());
        assertEquals("notmetoo is now on.", set("not-metoo", "on"));
        assertFalse(alice.receiveOwnPostings());
        assertEquals("hide is now off.", set("hide", "off"));
        assertFalse(alice.hideAddress());
        assertEquals("delivery is now on.", set("delivery", "on"));
        assertTrue(alice.deliveryEnabled());
        assertEquals("hide is now off.", set("hide", "off"), "setting the same value again");

        assertEquals(List.of("delivery on -> off", "digest off -> mime", "digest mime -> plain", "ack off -> on",
                "notmetoo off -> on", "hide on -> off", "delivery off -> on"),
                w.events.all.stream()
                        .map(e -> e.detail()).toList());
        assertEquals("alice@example.test", w.events.all.get(0).actor());
    }

    @Test
    void wrongOptionsAndValuesChangeNothing() {
        assertEquals("digest is one of mime|plain|off, not \"weekly\"; nothing was changed.", set("digest", "weekly"));
        assertTrue(set("colour", "blue").startsWith("Usage: set [OPTION VALUE], where OPTION VALUE is one of:"));
        assertEquals(DeliveryMode.REGULAR, alice.deliveryMode());
        assertTrue(w.events.all.isEmpty());
    }

    @Test
    void deliveryStoppedByTheModeratorStaysStoppedButOneStoppedByBouncesMayResume() {
        alice.disable(DisabledReason.BY_MODERATOR, java.time.Instant.now());
        assertEquals("delivery was turned off by the list's moderator, who alone can turn it on again; nothing was"
                + " changed.", set("delivery", "on"));
        assertFalse(alice.deliveryEnabled());

        alice.disable(DisabledReason.BY_BOUNCES, java.time.Instant.now());
        assertEquals("delivery is now on.", set("delivery", "on"));
        assertTrue(alice.deliveryEnabled());
    }

    @Test
    void aNonMemberHasNoOptions() {
        assertEquals("erin@remote.test is not a member of demo@lists.example.test.", w.set.execute(from(w,
                "erin@remote.test"), List.of("digest", "mime")));
    }
}
