package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.addr;
import static dev.quire.mta.routing.table.Fixtures.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployments of SCENARIOS.md, their tables written as real files. */
class RoutingTablesTest {
    @TempDir
    Path config;

    private RoutingTables scenario(String name) {
        return new RoutingTables(Fixtures.scenario(name, config), Duration.ZERO);
    }

    @Test
    void scenario1DepartmentHost() {
        RoutingTables t = scenario("scenario1");
        // verify rt: a local mailbox, no alias
        Expansion rt = t.resolver().expand(addr("rt@inf.example.ac.uk"));
        assertEquals(List.of(to("rt@inf.example.ac.uk")), rt.targets());
        assertFalse(rt.aliased());
        // verify sys-announce: a list, no alias
        assertFalse(t.resolver().expand(addr("sys-announce@inf.example.ac.uk")).aliased());
        // verify jdoe: forwarded to the staff mail service through [smtp.staffmail.example]
        Expansion jdoe = t.resolver().expand(addr("jdoe@inf.example.ac.uk"));
        assertEquals(List.of(to("jdoe@staffmail.example")), jdoe.targets());
        assertTrue(jdoe.aliased());
        TransportRoute hop = t.transport().lookup("staffmail.example").orElseThrow();
        assertEquals("[smtp.staffmail.example]", hop.hostSpec());
        assertEquals(25, hop.port());
        // verify nobody@legacy.example: the legacy domain maps onto the department, where nobody has no alias
        assertEquals(List.of(to("nobody@inf.example.ac.uk")),
                t.resolver().expand(addr("nobody@legacy.example")).targets());
        // self-reference: root keeps a copy and the admins get one
        assertEquals(List.of(to("root@inf.example.ac.uk"), to("alice@inf.example.ac.uk"), to("bob@inf.example.ac.uk")),
                t.resolver().expand(addr("postmaster@inf.example.ac.uk")).targets());
        // the second host's relayed domains and their next hops
        assertTrue(t.relayDomains().contains("lcfg.example.org"));
        assertTrue(t.relayDomains().contains("edinburgh.projects.example.org"));
        assertEquals(new TransportRoute("projects-mx.example.org", 2525, false),
                t.transport().lookup("edinburgh.projects.example.org").orElseThrow());
        assertEquals(new TransportRoute("mailrelay.example.ac.uk", 25, true),
                t.transport().lookup("example.com").orElseThrow());
    }

    @Test
    void scenario3FoundationRelay() {
        RoutingTables t = scenario("scenario3");
        AliasResolver r = t.resolver();
        assertEquals(List.of(to("alice@imap.foundation.example"), to("bob@imap.foundation.example")),
                r.expand(addr("abuse@foundation.example")).targets());
        assertEquals(List.of(new AliasTarget.Pipe(
                "/usr/local/bin/rt-mailgate --queue support --action correspond --url https://rt.foundation.example/")),
                r.expand(addr("support@foundation.example")).targets());
        assertEquals(List.of(to("alice@imap.foundation.example"), to("bob@imap.foundation.example"),
                new AliasTarget.Pipe("/usr/local/bin/rt-mailgate --queue web --action correspond")),
                r.expand(addr("webmaster@foundation.example")).targets());
        assertEquals("550 5.1.1 The press office has moved; write to press@foundation.example",
                ((AliasTarget.Fail) r.expand(addr("old-press@foundation.example")).targets().get(0)).reply());
        assertEquals("451 4.3.0 The security mailbox is being migrated, try again later",
                ((AliasTarget.Defer) r.expand(addr("security@foundation.example")).targets().get(0)).reply());
        assertEquals(List.of(new AliasTarget.Blackhole()), r.expand(addr("noreply@foundation.example")).targets());
        assertEquals(List.of(to("jane@imap.foundation.example"), to("raj@imap.foundation.example"),
                to("secretary@imap.foundation.example")), r.expand(addr("board@foundation.example")).targets());
        assertEquals(List.of(to("raj@imap.foundation.example"), to("fundraising@imap.foundation.example"),
                to("alice@imap.foundation.example")), r.expand(addr("donations@foundation.example")).targets());
        assertEquals(List.of(new AliasTarget.FileAppend(Path.of("/var/mail/archive/foundation.mbox"))),
                r.expand(addr("archive-copy@foundation.example")).targets());
        // unqualified targets stay in the domain of their file
        assertEquals(List.of(to("carol@imap.foundation.example"), to("dave@imap.foundation.example")),
                r.expand(addr("info@events.foundation.example")).targets());
        // no alias: the legacy list rewrite is the router's next question
        Expansion old = r.expand(addr("info-en-bounces+x=y@foundation.example"));
        assertFalse(old.aliased());
        LegacyListCandidate c = t.legacyLists().rewrite(addr("info-en-bounces+x=y@foundation.example")).orElseThrow();
        assertEquals(addr("info-en@lists.foundation.example"), c.list());
        assertEquals(addr("info-en-bounces+x=y@lists.foundation.example"), c.address());
    }

    @Test
    void scenario4StudentClub() {
        RoutingTables t = scenario("scenario4");
        assertEquals(new ClientAccess(true, true),
                t.clientAccess().check(IpLiterals.parse("128.2.204.94").orElseThrow()));
        assertEquals(new ClientAccess(true, true), t.clientAccess().check(IpLiterals.parse("127.0.0.1").orElseThrow()));
        assertEquals(ClientAccess.DEFAULT, t.clientAccess().check(IpLiterals.parse("203.0.113.9").orElseThrow()));
        assertTrue(t.relayDomains().contains("club.example.org"));
        assertTrue(t.relayDomains().contains("mail.club.example.org"));
        assertTrue(t.relayDomains().contains("alumni.example.net"));
        assertFalse(t.relayDomains().contains("example.edu"));
        assertEquals(new TransportRoute("mail.club.example.org", 25, true),
                t.transport().lookup("www.club.example.org").orElseThrow());
        assertEquals(new TransportRoute("mx.alumni.example.net", 25, false),
                t.transport().lookup("alumni.example.net").orElseThrow());
        assertEquals(new TransportRoute("smarthost.example.edu", 587, true),
                t.transport().lookup("example.com").orElseThrow());
        // virtual domain onto the club's users, then plus addressing onto the alias
        assertEquals(List.of(to("ops1@andrew.example.edu"), to("ops2@andrew.example.edu")),
                t.resolver().expand(addr("gripe+printer@users.club.example.org")).targets());
    }
}
