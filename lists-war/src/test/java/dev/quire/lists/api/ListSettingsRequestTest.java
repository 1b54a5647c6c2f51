package dev.quire.lists.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.quire.lists.admin.SettingsChange;

class ListSettingsRequestTest {
    @Test
    void namedSettingsAreReadAndTheOthersStayUnset() {
        SettingsChange c = ListSettingsRequest.parse(
                "{\"displayName\": \"Team\", \"maxRecipients\": 0, \"defaultNonmemberAction\": \"reject\","
                        + " \"archivePolicy\": \"PRIVATE\", \"emergency\": false, \"advertised\": false,"
                        + " \"bounceScoreThreshold\": 2.5, \"footerTemplate\": \"-- \\n$display_name: $listname\","
                        + " \"suspiciousHeaders\": \"X-Spam: ^yes\", \"replyToAddress\": null}")
                .toChange();
        assertEquals("Team", c.get("displayName"));
        assertEquals(0, c.get("maxRecipients"));
        assertEquals("REJECT", c.get("defaultNonmemberAction"));
        assertEquals("PRIVATE", c.get("archivePolicy"));
        assertEquals(Boolean.FALSE, c.get("emergency"));
        assertEquals(Boolean.FALSE, c.get("advertised"));
        assertEquals(2.5, c.get("bounceScoreThreshold"));
        assertEquals("-- \n$display_name: $listname", c.get("footerTemplate"));
        assertEquals("X-Spam: ^yes", c.get("suspiciousHeaders"));
        assertTrue(c.values().containsKey("replyToAddress"), "null clears the explicit Reply-To");
        assertNull(c.get("replyToAddress"));
        assertFalse(c.values().containsKey("subjectPrefix"), "a setting not named stays as it is");
        assertEquals(10, c.values().size());
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsApplied() {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse(
                "{\"displayName\": \"\", \"maxRecipients\": 1.5, \"emergency\": \"yes\", \"colour\": 1, \"advertised\": 0,"
                        + " \"subjectPrefix\": \"a\\nb\", \"replyToPolicy\": \"SOMETIMES\", \"digestPeriod\": 3,"
                        + " \"bounceWarnings\": 101, \"footerTemplate\": \"$display_name $nonsuch\","
                        + " \"suspiciousHeaders\": \"X-Spam: ([\", \"acceptableAliases\": \"nobody\","
                        + " \"replyToAddress\": \"not an address\", \"filterTypes\": \"text/html image/png\"}"));
        assertEquals("must be one line of 1 to 200 characters", e.fields().get("displayName"));
        assertEquals("must be a whole number from 0 to 10000", e.fields().get("maxRecipients"));
        assertEquals("must be true or false", e.fields().get("emergency"));
        assertTrue(e.fields().get("colour").startsWith("no such setting"), e.fields().get("colour"));
        assertEquals("must be one line of 0 to 64 characters", e.fields().get("subjectPrefix"));
        assertEquals("must be true or false", e.fields().get("advertised"));
        assertEquals("must be one of NONE, LIST, EXPLICIT", e.fields().get("replyToPolicy"));
        assertEquals("must be a string", e.fields().get("digestPeriod"));
        assertEquals("must be a whole number from 0 to 100", e.fields().get("bounceWarnings"));
        assertTrue(e.fields().get("footerTemplate").startsWith("unknown placeholder $nonsuch"),
                e.fields().get("footerTemplate"));
        assertTrue(e.fields().get("suspiciousHeaders").startsWith("line 1: not a regular expression"),
                e.fields().get("suspiciousHeaders"));
        assertEquals("line 1: must be an address or a ^regular expression", e.fields().get("acceptableAliases"));
        assertEquals("must be an email address", e.fields().get("replyToAddress"));
        assertEquals("line 1: one word per line", e.fields().get("filterTypes"));
        assertEquals(14, e.fields().size(), e.fields().toString());
    }

    @Test
    void aBodyThatIsNotAnObjectOrNamesNothingIsRefused() {
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse("[1, 2]"));
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse("not json"));
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse("{}"));
        assertThrows(InvalidRequest.class, () -> ListSettingsRequest.parse(null));
    }
}
