package dev.quire.lists.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.ListAddress;
import dev.quire.lists.TestWorld;
import dev.quire.mail.EmailAddress;

class JoinAddressTest {
    @Test
    void anyMessageAsksToJoinForItsSender() throws Exception {
        TestWorld w = new TestWorld();
        w.joinAddress.deliver(w.list, new ListAddress("demo", ListAddress.Function.SUBSCRIBE, ""), EmailAddress.parse(
                "dave@remote.test"),
                "From: Dave <dave@remote.test>\r\nSubject: unsubscribe\r\n\r\nwho\r\n".getBytes(
                        StandardCharsets.UTF_8));

        assertEquals(2, w.to("dave@remote.test").size(), "a confirmation request and the command reply");
        String token = TestWorld.token(w.to("dave@remote.test").get(0));
        assertEquals(
                """
                        The results of your email commands to demo-request@lists.example.test:

                        > join
                        A confirmation request was sent to dave@remote.test; nothing changes until dave@remote.test replies to it.

                        - Done.
                        """,
                w.last("dave@remote.test").notice().body());
        assertEquals("SUBSCRIBE", w.requests.lockByToken(token, java.time.Instant.now()).orElseThrow().kind());
        assertEquals("Dave", w.requests.all.get(0).displayName());
        assertTrue(w.members.all.isEmpty());
    }
}
