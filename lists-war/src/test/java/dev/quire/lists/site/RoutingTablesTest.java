package dev.quire.lists.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Action;
import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.ListStyle;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.SubscriptionPolicy;

/**
 * What the site admin may type into the routing tables: networks in exactly the form the MTA's network list
 * reads (a bad row would break the MX listener's relay check), and alias targets without pipes, files or
 * includes; and the settings each list style starts with.
 */
class RoutingTablesTest {
    @Test
    void networksAreIpLiteralsWithAPrefixTheFamilyAllows() {
        assertEquals("192.0.2.0/24", RoutingTables.cidr("network", " 192.0.2.0/24 "));
        assertEquals("127.0.0.5", RoutingTables.cidr("network", "127.0.0.5"));
        assertEquals("2001:db8::/32", RoutingTables.cidr("network", "2001:DB8::/32"));
        assertEquals("10.0.0.0/8", RoutingTables.cidr("network", "10.0.0.0/08"));
        for (String bad : new String[]{"", "example.org", "localhost", "300.1.1.1", "10.0.0.0/33", "::1/129",
                "10.0.0.0/8/8", "10.0.0/8", "10.0.0.0/-1", "1.2.3.4 5", "fe80::1%eth0"}) {
            SiteRefusal e = assertThrows(SiteRefusal.class, () -> RoutingTables.cidr("network", bad), bad);
            assertEquals(400, e.status());
            assertTrue(e.fields().containsKey("network"), bad);
        }
    }

    @Test
    void aliasTargetsAreAddressesOrLocalNamesOrOneFailOrDefer() {
        assertEquals("alice, bob@example.net", RoutingTables.targets("targets", " alice ,bob@example.net"));
        assertEquals(":fail: ask the help desk", RoutingTables.targets("targets", ":fail: ask the help desk"));
        assertEquals(":defer: moving", RoutingTables.targets("targets", ":defer: moving"));
        for (String bad : new String[]{"", "|/usr/bin/rt-mailgate", "alice, |/bin/sh", "/var/mail/archive",
                ":include:/etc/mail/staff", "\"|cmd\"", "alice\nbob", "alice,,bob", "a b"}) {
            SiteRefusal e = assertThrows(SiteRefusal.class, () -> RoutingTables.targets("targets", bad), bad);
            assertEquals(400, e.status(), bad);
        }
    }

    @Test
    void eachStyleStartsWithItsSettings() {
        MailingList announce = new MailingList(null, "news", "News", "[news] ");
        ListStyles.apply(ListStyles.parse("announce-only"), announce);
        assertEquals(ListStyle.ANNOUNCE, announce.style());
        assertEquals(Action.HOLD, announce.posting().defaultMemberAction());
        assertEquals(Action.HOLD, announce.posting().defaultNonmemberAction());

        MailingList secret = new MailingList(null, "board", "Board", "[board] ");
        ListStyles.apply(ListStyles.parse("PRIVATE"), secret);
        assertEquals(ArchivePolicy.PRIVATE, secret.archivePolicy());
        assertEquals(SubscriptionPolicy.CONFIRM_THEN_MODERATE, secret.subscriptions().subscriptionPolicy());

        MailingList talk = new MailingList(null, "talk", "Talk", "[talk] ");
        ListStyles.apply(ListStyles.parse("discussion"), talk);
        assertEquals(Action.DEFER, talk.posting().defaultMemberAction());
        assertEquals(ArchivePolicy.PUBLIC, talk.archivePolicy());

        assertEquals(400, assertThrows(SiteRefusal.class, () -> ListStyles.parse("chatty")).status());
    }
}
