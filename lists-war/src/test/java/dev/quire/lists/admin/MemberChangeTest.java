package dev.quire.lists.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Action;
import dev.quire.db.list.DeliveryMode;

class MemberChangeTest {
    @Test
    void givenOptionsAreReadAndDefaultClearsTheMembersOwnAction() {
        MemberChange c = MemberChange.parse(Map.of("deliveryEnabled", "true", "deliveryMode", "mime_digest",
                "moderationAction", "default"));
        assertEquals(Boolean.TRUE, c.deliveryEnabled());
        assertEquals(DeliveryMode.MIME_DIGEST, c.deliveryMode());
        assertNull(c.action(), "DEFAULT: the list's default applies");
        assertNull(c.hideAddress(), "not named: stays as it is");
        assertEquals(Action.HOLD, MemberChange.parse(Map.of("moderationAction", "HOLD")).action());
    }

    @Test
    void everyBadOptionIsNamed() {
        Refused e = assertThrows(Refused.class, () -> MemberChange.parse(Map.of("deliveryEnabled", "yes",
                "deliveryMode", "carrier pigeon", "moderationAction", "DEFER", "colour", "red")));
        assertEquals(400, e.status());
        assertEquals("must be true or false", e.fields().get("deliveryEnabled"));
        assertEquals("must be one of REGULAR, MIME_DIGEST, PLAIN_DIGEST", e.fields().get("deliveryMode"));
        assertEquals("must be one of DEFAULT, ACCEPT, HOLD, REJECT, DISCARD", e.fields().get("moderationAction"));
        assertTrue(e.fields().get("colour").startsWith("no such option"));
        assertEquals(4, e.fields().size());
        assertThrows(Refused.class, () -> MemberChange.parse(Map.of()));
    }
}
