package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class AdministriviaTest {
    private static Post post(String subject, String body) {
        return ListFixtures.post("From: alice@example.test\r\nSubject: " + subject + "\r\n\r\n" + body);
    }

    @Test
    void anUnsubscribeInTheSubjectOrTheFirstLinesIsHeld() {
        Post bySubject = post("unsubscribe", "");
        assertTrue(new Administrivia().matches(bySubject));
        assertEquals(List.of("administrivia: the subject looks like a command: unsubscribe"), bySubject.reasons());

        Post byBody = post("please", "\r\nHi,\r\n\r\nUnsubscribe alice@example.test\r\n-- \r\nAlice\r\n");
        assertTrue(new Administrivia().matches(byBody));
        assertEquals(List.of("administrivia: the body looks like a command: Unsubscribe alice@example.test"),
                byBody.reasons());
    }

    @Test
    void ordinaryProseWithCommandWordsIsNot() {
        assertFalse(new Administrivia().matches(post("Help me with the join query",
                "Can someone help me with this?\r\nI want to leave early.\r\n")));
        assertFalse(new Administrivia().matches(post("x", "1\r\n2\r\n3\r\n4\r\n5\r\nunsubscribe\r\n")),
                "only the first five lines count");
    }

    @Test
    void listsCanTurnItOff() {
        Post post = post("unsubscribe", "");
        post.list().posting().setAdministrivia(false);
        assertFalse(new Administrivia().matches(post));
    }
}
