package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class NoSubjectTest {
    private static boolean matches(String headers) {
        Post post = ListFixtures.post("From: alice@example.test\r\n" + headers + "\r\nhi\r\n");
        boolean matched = new NoSubject().matches(post);
        assertEquals(matched ? List.of("no-subject: the message has no subject") : List.of(), post.reasons());
        return matched;
    }

    @Test
    void missingBlankOrPrefixOnlySubjectsAreHeld() {
        assertTrue(matches(""));
        assertTrue(matches("Subject:   \r\n"));
        assertTrue(matches("Subject: [demo]\r\n"));
    }

    @Test
    void anySubjectIsEnough() {
        assertFalse(matches("Subject: [demo] agenda\r\n"));
        assertFalse(matches("Subject: ?\r\n"));
    }
}
