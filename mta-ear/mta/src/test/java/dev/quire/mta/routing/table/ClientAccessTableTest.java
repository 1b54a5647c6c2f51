package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAccessTableTest {
    private static final ClientAccess RELAY = new ClientAccess(true, true);
    private static final ClientAccess ALLOW = new ClientAccess(true, false);
    private static final ClientAccess DENY = new ClientAccess(false, false);

    @TempDir
    Path config;

    private ClientAccessTable table(String... lines) {
        write(config.resolve(ClientAccessTable.FILE), lines);
        return new ClientAccessTable(config, Duration.ZERO);
    }

    private static InetAddress ip(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }

    @Test
    void theClubsRules() {
        Fixtures.scenario("scenario4", config);
        ClientAccessTable club = new ClientAccessTable(config, Duration.ZERO);
        assertEquals(RELAY, club.check(ip("128.2.204.94")), "exact address beats 128.2.");
        assertEquals(ALLOW, club.check(ip("128.2.204.95")), "128.2. allows without relaying");
        assertEquals(RELAY, club.check(ip("127.0.0.1")));
        assertEquals(RELAY, club.check(ip("10.20.30.40")));
        assertEquals(DENY, club.check(ip("192.0.2.17")));
        assertEquals(ALLOW, club.check(ip("198.51.100.1")), "the default rule");
        assertEquals(RELAY, club.check(ip("2001:db8:42::25")));
        assertEquals(RELAY, club.check(ip("::1")));
        assertEquals(ALLOW, club.check(ip("2001:db8:43::1")));
        assertEquals(Optional.of(RELAY), club.lookup("128.2.204.94"));
        assertEquals(Optional.of(RELAY), club.lookup("[::1]"));
        assertEquals(Optional.of(RELAY), club.lookup("::ffff:127.0.0.2"), "IPv4-mapped IPv6 is IPv4");
    }

    @Test
    void mostSpecificWinsWhateverTheFileOrder() {
        ClientAccessTable t = table(":deny", "10.:deny", "10.1.0.0/16:allow", "10.1.2.:deny",
                "10.1.2.3:allow,RELAYCLIENT");
        assertEquals(RELAY, t.check(ip("10.1.2.3")));
        assertEquals(DENY, t.check(ip("10.1.2.4")));
        assertEquals(ALLOW, t.check(ip("10.1.3.4")));
        assertEquals(DENY, t.check(ip("10.2.0.1")));
        assertEquals(DENY, t.check(ip("172.16.0.1")));
    }

    @Test
    void amongEquallySpecificRulesTheFirstWins() {
        ClientAccessTable t = table("10.:allow,RELAYCLIENT", "10.0.0.0/8:deny", "10.:deny");
        assertEquals(RELAY, t.check(ip("10.9.9.9")));
    }

    @Test
    void cidrBlocksOfAnyLength() {
        ClientAccessTable t = table("192.168.10.0/23:allow,RELAYCLIENT", "2001:db8::/32:deny",
                "[2001:db8:1::]/48:allow");
        assertEquals(RELAY, t.check(ip("192.168.11.200")));
        assertEquals(Optional.empty(), t.lookup(ip("192.168.12.1")));
        assertEquals(ClientAccess.DEFAULT, t.check(ip("192.168.12.1")));
        assertEquals(DENY, t.check(ip("2001:db8:2::1")));
        assertEquals(ALLOW, t.check(ip("2001:db8:1::1")));
    }

    @Test
    void environmentSettingsOtherThanRelayClientAreIgnoredAndDenyNeverRelays() {
        ClientAccessTable t = table("10.:allow,QMAILQUEUE=\"/var/qmail/bin/qmail-scanner\",DATABYTES=100000",
                "11.:deny,RELAYCLIENT", "12.:ALLOW,RELAYCLIENT=\"\"");
        assertEquals(ALLOW, t.check(ip("10.0.0.1")));
        assertEquals(DENY, t.check(ip("11.0.0.1")));
        assertEquals(RELAY, t.check(ip("12.0.0.1")));
    }

    @Test
    void keysThatAreNotIpLiteralsMatchNothing() {
        ClientAccessTable t = table(":allow,RELAYCLIENT");
        assertEquals(Optional.empty(), t.lookup("localhost"));
        assertEquals(Optional.empty(), t.lookup("10.1"));
        assertEquals(Optional.empty(), t.lookup("999.1.1.1"));
        assertEquals(Optional.of(RELAY), t.lookup("10.1.1.1"));
    }

    @Test
    void malformedRulesAreRejectedWithTheirLine() {
        String[][] broken = {{"10.:allow", "mail.example.org:allow"}, {"10.:allow", "10.0.0.0/33:deny"},
                {"10.:allow", "10.:maybe"}, {"10.:allow", "1.2.3.4-9:allow"}, {"10.:allow", "300.:deny"},
                {"10.:allow", "10.:allow,not a var"}};
        for (String[] lines : broken) {
            Path file = write(config.resolve(ClientAccessTable.FILE), lines);
            try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
                new ClientAccessTable(config, Duration.ZERO);
                assertEquals(1, warnings.messages().size(), lines[1]);
                assertTrue(warnings.messages().get(0).startsWith(file + ":2: "), warnings.messages().get(0));
            }
        }
    }
}
