package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Action;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class MemberModerationTest {
    private static final String POST = "From: alice@example.test\r\nTo: demo@lists.example.test\r\nSubject: x\r\n\r\nhi\r\n";

    @Test
    void aModeratedMembersActionIsChosen() {
        Post post = ListFixtures.post(POST);
        assertTrue(TestRules.memberModeration(Map.of("alice@example.test", Action.DISCARD)).matches(post));
        assertEquals(Optional.of(Action.DISCARD), post.chosen("member-moderation"));
        assertEquals(List.of("member-moderation: posts by the member alice@example.test are moderated (discard)"),
                post.reasons());
    }

    @Test
    void aMemberWithoutAnActionFollowsTheListDefault() {
        Map<String, Action> members = new HashMap<>();
        members.put("alice@example.test", null);
        Post post = ListFixtures.post(POST);
        assertFalse(TestRules.memberModeration(members).matches(post), "the default is defer");

        post.list().posting().setDefaultMemberAction(Action.HOLD);
        assertTrue(TestRules.memberModeration(members).matches(post));
        assertEquals(Optional.of(Action.HOLD), post.chosen("member-moderation"));
        assertEquals(List.of("member-moderation: posts by the member alice@example.test are moderated"
                + " (hold, the list's default)"), post.reasons());
    }

    @Test
    void nonMembersAreNotThisRulesBusiness() {
        Post post = ListFixtures.post(POST);
        post.list().posting().setDefaultMemberAction(Action.HOLD);
        assertFalse(TestRules.memberModeration(Map.of()).matches(post));
        assertTrue(post.reasons().isEmpty());
    }
}
