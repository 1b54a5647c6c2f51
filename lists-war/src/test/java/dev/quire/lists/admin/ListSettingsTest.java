package dev.quire.lists.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.MailingList;
import dev.quire.lists.admin.ListSettings.Section;
import dev.quire.lists.admin.ListSettings.Setting;

class ListSettingsTest {
    @Test
    void aNewListsValuesAreAcceptedAsTheyStandSoAnUntouchedFormSavesAndChangesNothing() {
        MailingList list = new MailingList(null, "demo", "Demo", "[demo] ");
        for (Section section : Section.values()) {
            assertFalse(ListSettings.in(section).isEmpty(), section + " has settings");
            Map<String, String> form = new LinkedHashMap<>();
            ListSettings.in(section).forEach(s -> form.put(s.name(), s.text(list)));
            SettingsChange change = ListSettings.parse(form);
            for (Setting s : ListSettings.in(section)) {
                Object v = change.get(s.name());
                assertEquals(s.text(list), v == null ? "" : v.toString(), s.name());
            }
        }
    }

    @Test
    void everySettingIsSetWhereItIsRead() {
        MailingList list = new MailingList(null, "demo", "Demo", "[demo] ");
        Map<String, String> values = Map.of("emergency", "true", "maxRecipients", "3", "digestPeriod", "weekly",
                "bounceScoreThreshold", "2.5", "footerTemplate", "-- \n$display_name", "replyToAddress",
                "replies@example.test", "dmarcMitigation", "WRAP", "rosterVisibility", "PUBLIC");
        SettingsChange change = ListSettings.parse(values);
        change.values().forEach((name, v) -> ListSettings.named(name).orElseThrow().set().accept(list, v));
        assertTrue(list.posting().emergency());
        assertEquals(3, list.posting().maxRecipients());
        assertEquals("WEEKLY", list.digests().digestPeriod().name());
        assertEquals(2.5, list.bounces().bounceScoreThreshold());
        assertEquals("-- \n$display_name", list.pipeline().footerTemplate());
        assertEquals("replies@example.test", list.pipeline().replyToAddress());
        assertEquals("WRAP", list.pipeline().dmarcMitigation().name());
        assertEquals("PUBLIC", list.subscriptions().rosterVisibility().name());
    }

    @Test
    void welcomeTemplatesKnowTheirOwnPlaceholdersNotThoseOfAPostsFooter() {
        assertEquals("Welcome $address", ListSettings.parse(Map.of("welcomeTemplate", "Welcome $address"))
                .get("welcomeTemplate"));
        Refused e = assertThrows(Refused.class,
                () -> ListSettings.parse(Map.of("welcomeTemplate", "Leave at ${unsubscribe_url}")));
        assertTrue(e.fields().get("welcomeTemplate").startsWith("unknown placeholder $unsubscribe_url"),
                e.fields().toString());
        assertEquals("costs $$5", ListSettings.parse(Map.of("footerTemplate", "costs $$5")).get("footerTemplate"));
    }

    @Test
    void theSettingsReferenceInTheDocsNamesEverySetting() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "lists.md"));
        String reference = docs.substring(docs.indexOf("## Settings reference"));
        for (Setting s : ListSettings.all()) {
            assertTrue(reference.contains("| `" + s.name() + "` | " + s.section().title() + " |"),
                    s.name() + " in docs/lists.md");
        }
    }
}
