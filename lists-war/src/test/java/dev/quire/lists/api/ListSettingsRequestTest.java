package dev.quire.lists.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Action;
import dev.quire.db.list.ArchivePolicy;

class ListSettingsRequestTest {
    @Test
    void namedSettingsAreReadAndTheOthersStayUnset() {
        ListSettingsRequest r = ListSettingsRequest.parse(
                "{\"displayName\": \"Team\", \"maxRecipients\": 0, \"defaultNonmemberAction\": \"reject\","
                        + " \"archivePolicy\": \"PRIVATE\", \"emergency\": false, \"advertised\": false}");
        assertEquals("Team", r.displayName());
        assertEquals(0, r.maxRecipients());
        assertEquals(Action.REJECT, r.defaultNonmemberAction());
        assertEquals(ArchivePolicy.PRIVATE, r.archivePolicy());
        assertEquals(Boolean.FALSE, r.emergency());
        assertEquals(Boolean.FALSE, r.advertised());
        assertEquals(Boolean.FALSE, r.toChange().advertised());
        assertNull(r.subjectPrefix());
        assertNull(r.maxMessageSizeKb());
        assertNull(ListSettingsRequest.parse("{\"emergency\": true}").advertised(), "advertised stays as it is");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsApplied() {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse(
                "{\"displayName\": \"\", \"maxRecipients\": 1.5, \"emergency\": \"yes\", \"colour\": 1, \"advertised\": 0,"
                        + " \"subjectPrefix\": \"a\\nb\", \"replyToPolicy\": \"EXPLICIT\"}"));
        assertEquals("must be one line of 1 to 200 characters", e.fields().get("displayName"));
        assertEquals("must be a whole number from 0 to 10000", e.fields().get("maxRecipients"));
        assertEquals("must be true or false", e.fields().get("emergency"));
        assertEquals("must be one line of 0 to 64 characters", e.fields().get("subjectPrefix"));
        assertEquals("must be true or false", e.fields().get("advertised"));
        assertEquals(7, e.fields().size(), e.fields().toString());
    }

    @Test
    void aBodyThatIsNotAnObjectOrNamesNothingIsRefused() {
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse("[1, 2]"));
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse("not json"));
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse("{}"));
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse(null));
    }
}
