package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class MaxRecipientsTest {
    private static Post post(int limit) {
        Post post = ListFixtures.post("From: alice@example.test\r\nTo: demo@lists.example.test, a@example.test\r\n"
                + "Cc: b@example.test,\r\n c@example.test\r\nSubject: x\r\n\r\nhi\r\n");
        post.list().posting().setMaxRecipients(limit);
        return post;
    }

    @Test
    void reachingTheLimitIsHeld() {
        Post post = post(4);
        assertTrue(new MaxRecipients().matches(post));
        assertEquals(List.of("max-recipients: the message has 4 recipients in To and Cc; the limit is 4"),
                post.reasons());
    }

    @Test
    void belowTheLimitOrWithoutOneIsNot() {
        assertFalse(new MaxRecipients().matches(post(5)));
        assertFalse(new MaxRecipients().matches(post(0)));
    }
}
