package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class MaxSizeTest {
    private static Post post(int bodyBytes, int limitKb) {
        Post post = ListFixtures.post("From: alice@example.test\r\nSubject: x\r\n\r\n" + "x".repeat(bodyBytes));
        post.list().posting().setMaxMessageSizeKb(limitKb);
        return post;
    }

    @Test
    void aPostOverTheLimitIsHeld() {
        Post post = post(2048, 2);
        assertTrue(new MaxSize().matches(post));
        assertEquals(List.of("max-size: the message is 3 KiB; the limit is 2 KiB"), post.reasons());
    }

    @Test
    void aPostWithinTheLimitOrWithoutOneIsNot() {
        assertFalse(new MaxSize().matches(post(1900, 2)));
        assertFalse(new MaxSize().matches(post(100_000, 0)));
    }
}
