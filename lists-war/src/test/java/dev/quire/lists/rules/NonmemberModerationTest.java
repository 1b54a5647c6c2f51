package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Action;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class NonmemberModerationTest {
    private static final String POST = "From: Mallory <mallory@remote.test>\r\nTo: demo@lists.example.test\r\n"
            + "Subject: offer\r\n\r\nhi\r\n";

    private static Post post(String text, String envelope) {
        return new Post(ListFixtures.demo(), dev.quire.mail.EmailAddress.parse(envelope), ListFixtures.message(text));
    }

    @Test
    void aPostFromNoMemberIsHeldByDefault() {
        Post post = post(POST, "mallory@remote.test");
        assertTrue(TestRules.nonmemberModeration(Map.of()).matches(post));
        assertEquals(Optional.of(Action.HOLD), post.chosen("nonmember-moderation"));
        assertEquals(List.of("nonmember-moderation: the message is not from a list member (mallory@remote.test)"),
                post.reasons());
    }

    @Test
    void anyMemberAmongTheSendersIsEnough() {
        Post post = post(POST, "bob@example.test");
        assertFalse(TestRules.nonmemberModeration(Map.of("bob@example.test", Action.DEFER)).matches(post));
        assertTrue(post.reasons().isEmpty());
    }

    @Test
    void theListsNonmemberActionIsChosen() {
        Post post = post(POST, "mallory@remote.test");
        post.list().posting().setDefaultNonmemberAction(Action.REJECT);
        assertTrue(TestRules.nonmemberModeration(Map.of()).matches(post));
        assertEquals(Optional.of(Action.REJECT), post.chosen("nonmember-moderation"));
        assertTrue(post.reasons().get(0).endsWith("; non-members' posts: reject"), post.reasons().toString());
    }

    @Test
    void aDeferringListLetsNonmembersThrough() {
        Post post = post(POST, "mallory@remote.test");
        post.list().posting().setDefaultNonmemberAction(Action.DEFER);
        assertFalse(TestRules.nonmemberModeration(Map.of()).matches(post));
        assertTrue(post.reasons().isEmpty());
    }
}
