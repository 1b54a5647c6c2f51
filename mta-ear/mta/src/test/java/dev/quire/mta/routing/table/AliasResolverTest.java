package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.addr;
import static dev.quire.mta.routing.table.Fixtures.to;
import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasResolverTest {
    @TempDir
    Path config;

    private AliasResolver resolver() {
        return new AliasResolver(new AliasFiles(config, Duration.ZERO), new AliasDomains(config, Duration.ZERO));
    }

    private void aliases(String domain, String... lines) {
        write(config.resolve("aliases").resolve(domain), lines);
    }

    private Expansion expand(String mailbox) {
        return resolver().expand(addr(mailbox));
    }

    @Test
    void anAddressWithoutAliasIsItsOwnFinalTarget() {
        aliases("example.org", "other: x@example.net");
        Expansion e = expand("rt@example.org");
        assertEquals(List.of(to("rt@example.org")), e.targets());
        assertFalse(e.aliased());
    }

    @Test
    void expandsRecursivelyInOrderWithoutDuplicates() {
        aliases("example.org",
                "staff: ops, dev, ann@example.net",
                "ops: ann@example.net, Bob@example.net",
                "dev: bob@example.net, |/usr/bin/log-dev, :blackhole:");
        Expansion e = expand("staff@example.org");
        assertEquals(List.of(to("ann@example.net"), to("Bob@example.net"), new AliasTarget.Pipe("/usr/bin/log-dev"),
                new AliasTarget.Blackhole()), e.targets());
        assertTrue(e.aliased());
    }

    @Test
    void specialTargetsFromNestedAliasesAreFinal() {
        aliases("example.org", "a: b, c@example.net", "b: :fail: b has left");
        assertEquals(List.of(new AliasTarget.Fail("b has left"), to("c@example.net")),
                expand("a@example.org").targets());
    }

    @Test
    void directLoopFails() {
        aliases("example.org", "a: b", "b: a");
        Expansion e = expand("a@example.org");
        assertEquals(List.of(new AliasTarget.Fail(AliasResolver.LOOP_TEXT)), e.targets());
        assertTrue(e.aliased());
    }

    @Test
    void indirectLoopAcrossDomainsEndsOnlyTheLoopingBranch() {
        aliases("example.org", "a: b@example.com, keep@example.net");
        aliases("example.com", "b: c", "c: a@example.org");
        assertEquals(List.of(to("keep@example.net")), expand("a@example.org").targets());
    }

    @Test
    void indirectLoopWithNothingElseFails() {
        aliases("example.org", "a: b@example.com");
        aliases("example.com", "b: c", "c: A@Example.org");
        assertEquals(List.of(new AliasTarget.Fail(AliasResolver.LOOP_TEXT)), expand("a@example.org").targets());
    }

    @Test
    void selfReferenceDeliversToTheAddressItself() {
        aliases("example.org", "root: root, admin@example.net", "admin-alias: ROOT");
        assertEquals(List.of(to("root@example.org"), to("admin@example.net")), expand("root@example.org").targets());
        assertEquals(List.of(to("root@example.org"), to("admin@example.net")),
                expand("admin-alias@example.org").targets());
    }

    @Test
    void plusAddressingFallsBackToTheBaseName() {
        aliases("example.org", "user: u@example.net", "user+exact: exact@example.net", "root: root, r@example.net");
        assertEquals(List.of(to("u@example.net")), expand("user+lists@example.org").targets());
        assertEquals(List.of(to("exact@example.net")), expand("user+exact@example.org").targets());
        assertEquals(List.of(to("root@example.org"), to("r@example.net")), expand("root+tag@example.org").targets());
        assertEquals(List.of(to("+user@example.org")), expand("+user@example.org").targets());
    }

    @Test
    void theDelimiterIsAParameter() {
        aliases("example.org", "user: u@example.net");
        AliasResolver dash = new AliasResolver(new AliasFiles(config, Duration.ZERO),
                new AliasDomains(config, Duration.ZERO), "-", 20, 10_000);
        assertEquals(List.of(to("u@example.net")), dash.expand(addr("user-tag@example.org")).targets());
        assertEquals(List.of(to("user+tag@example.org")), dash.expand(addr("user+tag@example.org")).targets());
        AliasResolver none = new AliasResolver(new AliasFiles(config, Duration.ZERO),
                new AliasDomains(config, Duration.ZERO), "", 20, 10_000);
        assertEquals(List.of(to("user+tag@example.org")), none.expand(addr("user+tag@example.org")).targets());
    }

    @Test
    void aliasDomainsMapToTheSameLocalPartThenThatDomainsAliases() {
        write(config.resolve("alias-domains"), "old.example  example.org");
        aliases("example.org", "sales: ann@example.net");
        aliases("old.example", "sales: never@example.net");
        Expansion sales = expand("sales@old.example");
        assertEquals(List.of(to("ann@example.net")), sales.targets());
        assertTrue(sales.aliased());
        Expansion plain = expand("Jdoe@old.example");
        assertEquals(List.of(to("Jdoe@example.org")), plain.targets());
        assertTrue(plain.aliased());
    }

    @Test
    void aliasDomainLoopFails() {
        write(config.resolve("alias-domains"), "a.example  b.example", "b.example  a.example");
        assertEquals(List.of(new AliasTarget.Fail(AliasResolver.LOOP_TEXT)), expand("x@a.example").targets());
    }

    @Test
    void depthIsCapped() {
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            chain.add("a" + i + ": a" + (i + 1));
        }
        aliases("example.org", chain.toArray(String[]::new));
        Expansion e = expand("a0@example.org");
        assertEquals(1, e.targets().size());
        assertTrue(e.targets().get(0) instanceof AliasTarget.Fail f && f.text().contains("deeper than 20"),
                e.toString());
        assertEquals(List.of(to("a30@example.org")), expand("a15@example.org").targets());
    }

    @Test
    void fanOutIsCapped() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add("m" + i + "@example.net");
        }
        aliases("example.org", "big: " + String.join(", ", many));
        AliasResolver small = new AliasResolver(new AliasFiles(config, Duration.ZERO),
                new AliasDomains(config, Duration.ZERO), "+", 20, 10);
        Expansion e = small.expand(addr("big@example.org"));
        assertTrue(e.targets().get(0) instanceof AliasTarget.Fail f && f.text().contains("more than 10"), e.toString());
        assertEquals(11, expand("big@example.org").targets().size());
    }

    @Test
    void sharedSubAliasesAreExpandedOnce() {
        List<String> lines = new ArrayList<>();
        for (int level = 0; level < 60; level++) {
            lines.add("l" + level + ": l" + (level + 1) + "a, l" + (level + 1) + "b");
            lines.add("l" + (level + 1) + "a: l" + (level + 1));
            lines.add("l" + (level + 1) + "b: l" + (level + 1));
        }
        lines.add("l60: end@example.net");
        aliases("example.org", lines.toArray(String[]::new));
        AliasResolver deep = new AliasResolver(new AliasFiles(config, Duration.ZERO),
                new AliasDomains(config, Duration.ZERO), "+", 200, 10_000);
        // 2^60 paths reach l60: only expanding each address once keeps this fast
        assertEquals(List.of(to("end@example.net")), deep.expand(addr("l0@example.org")).targets());
    }
}
