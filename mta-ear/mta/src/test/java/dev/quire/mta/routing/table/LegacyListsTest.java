package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.addr;
import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyListsTest {
    @TempDir
    Path config;

    private LegacyLists scenario3() {
        Fixtures.scenario("scenario3", config);
        return new LegacyLists(config, Duration.ZERO, LegacyLists.MAILMAN_SUFFIXES, "+");
    }

    @Test
    void everyMailmanSuffixOfAnOldListAddressMapsToTheListsDomain() {
        LegacyLists legacy = scenario3();
        String[] locals = {"info-en", "info-en-bounces", "info-en-bounces+x=y", "info-en-confirm+tok", "info-en-join",
                "info-en-leave", "info-en-owner", "info-en-request", "info-en-admin", "info-en-subscribe",
                "info-en-unsubscribe", "info-en+detail"};
        for (String local : locals) {
            LegacyListCandidate c = legacy.rewrite(addr(local + "@foundation.example")).orElseThrow();
            assertEquals(addr("info-en@lists.foundation.example"), c.list(), local);
            assertEquals(addr(local + "@lists.foundation.example"), c.address(), local);
        }
    }

    @Test
    void anUnknownSuffixIsPartOfTheListName() {
        LegacyListCandidate c = scenario3().rewrite(addr("info-en-digest@foundation.example")).orElseThrow();
        assertEquals(addr("info-en-digest@lists.foundation.example"), c.list());
    }

    @Test
    void domainsAndCaseAreMatchedCaseInsensitively() {
        LegacyLists legacy = scenario3();
        LegacyListCandidate c = legacy.rewrite(addr("Info-EN-Owner@FOUNDATION.example")).orElseThrow();
        assertEquals(addr("info-en@lists.foundation.example"), c.list());
        assertEquals(addr("Info-EN-Owner@lists.foundation.example"), c.address());
        assertEquals(Optional.of("lists.foundation.example"), legacy.lookup("Foundation.Example"));
    }

    @Test
    void otherDomainsAndQuotedLocalPartsAreNotRewritten() {
        LegacyLists legacy = scenario3();
        assertEquals(Optional.empty(), legacy.rewrite(addr("info-en@lists.foundation.example")));
        assertEquals(Optional.empty(), legacy.rewrite(addr("info-en@example.org")));
        assertEquals(Optional.empty(), legacy.rewrite(addr("\"info en\"@foundation.example")));
        assertEquals(Optional.empty(), legacy.rewrite(addr("+x@foundation.example")));
    }

    @Test
    void suffixesAreAParameter() {
        write(config.resolve("legacy-lists"), "old.example  lists.example");
        LegacyLists legacy = new LegacyLists(config, Duration.ZERO, Set.of("digest"), "+");
        assertEquals(addr("news@lists.example"), legacy.rewrite(addr("news-digest@old.example")).orElseThrow().list());
        assertEquals(addr("news-owner@lists.example"),
                legacy.rewrite(addr("news-owner@old.example")).orElseThrow().list());
    }
}
