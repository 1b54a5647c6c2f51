package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Ban;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

class BannedAddressTest {
    private static final List<Ban> BANS = List.of(new Ban(ListFixtures.demo(), "Troll@Remote.test"),
            new Ban(null, "^spam[0-9]*@"), new Ban(null, "^(unclosed"));

    private static List<String> reasons(String from, String envelope) {
        Post post = new Post(ListFixtures.demo(), EmailAddress.parse(envelope),
                ListFixtures.message("From: " + from + "\r\nTo: demo@lists.example.test\r\nSubject: x\r\n\r\nhi\r\n"));
        boolean matched = TestRules.banned(BANS).matches(post);
        assertEquals(matched, !post.reasons().isEmpty());
        return post.reasons();
    }

    @Test
    void anExactBanMatchesInAnyCase() {
        assertEquals(List.of("banned-address: troll@remote.test is banned from this list"),
                reasons("Troll <troll@remote.test>", "bounces@remote.test"));
    }

    @Test
    void aRegexBanMatchesAnySenderSiteWide() {
        assertEquals(List.of("banned-address: spam42@bulk.test is banned from this site"),
                reasons("Friendly <friend@example.test>", "spam42@bulk.test"));
    }

    @Test
    void othersAndABrokenPatternBanNobody() {
        assertTrue(reasons("alice@example.test", "alice@example.test").isEmpty());
        assertTrue(reasons("atroll@remote.test", "mytroll@remote.test").isEmpty());
    }
}
