package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Action;
import dev.quire.db.list.MailingList;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class HeaderMatchTest {
    private static final MailingList LIST = ListFixtures.demo();
    private static final List<dev.quire.db.list.HeaderMatch> ROWS = List.of(
            new dev.quire.db.list.HeaderMatch(LIST, 1, "X-Spam-Flag", "^yes", Action.DEFER),
            new dev.quire.db.list.HeaderMatch(LIST, 2, "X-Spam-Flag", "^yes", Action.DISCARD),
            new dev.quire.db.list.HeaderMatch(LIST, 3, "Subject", "viagra", Action.REJECT),
            new dev.quire.db.list.HeaderMatch(LIST, 4, "Subject", "[broken", Action.HOLD));

    private static Post decide(String headers) {
        Post post = ListFixtures.post(headers + "From: alice@example.test\r\n\r\nhi\r\n");
        TestRules.headerMatch(ROWS).matches(post);
        return post;
    }

    @Test
    void theFirstMatchingRowInPositionOrderChoosesItsAction() {
        Post post = decide("X-Spam-Flag: YES\r\nSubject: cheap VIAGRA\r\n");
        assertEquals(Optional.of(Action.DISCARD), post.chosen("header-match"));
        assertEquals(List.of("header-match: the X-Spam-Flag header matches ^yes (discard)"), post.reasons());
    }

    @Test
    void aLaterRowMatchesWhenEarlierOnesDoNot() {
        Post post = decide("X-Spam-Flag: NO\r\nSubject: cheap VIAGRA\r\n");
        assertEquals(Optional.of(Action.REJECT), post.chosen("header-match"));
    }

    @Test
    void noMatchNoReason() {
        Post post = decide("Subject: [broken] link\r\n");
        assertEquals(Optional.empty(), post.chosen("header-match"));
        assertTrue(post.reasons().isEmpty());
    }
}
