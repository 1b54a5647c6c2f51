package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class EmergencyTest {
    private static final String POST = "From: alice@example.test\r\nTo: demo@lists.example.test\r\nSubject: x\r\n\r\nhi\r\n";

    @Test
    void holdsEveryPostWhileTheListIsInEmergency() {
        Post post = ListFixtures.post(POST);
        post.list().posting().setEmergency(true);
        assertTrue(new Emergency().matches(post));
        assertEquals(List.of("emergency: the list is under emergency moderation: every post is held"), post.reasons());
    }

    @Test
    void otherwiseNothing() {
        Post post = ListFixtures.post(POST);
        assertFalse(new Emergency().matches(post));
        assertTrue(post.reasons().isEmpty());
    }
}
