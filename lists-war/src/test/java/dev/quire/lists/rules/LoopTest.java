package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class LoopTest {
    private static final Loop LOOP = TestRules.loop(Set.of("<sent-before@example.test>"));

    private static List<String> reasons(String headers) {
        Post post = ListFixtures.post(headers + "From: alice@example.test\r\nSubject: x\r\n\r\nhi\r\n");
        boolean matched = LOOP.matches(post);
        assertEquals(matched, !post.reasons().isEmpty());
        return post.reasons();
    }

    @Test
    void thisListsListIdIsALoop() {
        assertEquals(List.of("loop: the message already carries this list's List-Id"),
                reasons("List-Id: Demo list <demo.lists.example.test>\r\n"));
    }

    @Test
    void thisListsXBeenThereIsALoop() {
        assertEquals(List.of("loop: the message already carries X-BeenThere: demo@lists.example.test"),
                reasons("X-BeenThere: DEMO@lists.example.test\r\n"));
    }

    @Test
    void aMessageIdTheListAlreadyDistributedIsALoop() {
        assertEquals(List.of("loop: the list already distributed Message-ID <sent-before@example.test>"),
                reasons("Message-ID: <sent-before@example.test>\r\n"));
    }

    @Test
    void anotherListsHeadersAndANewMessageIdAreNot() {
        assertTrue(reasons("List-Id: <other.example.org>\r\nX-BeenThere: other@example.org\r\n"
                + "Message-ID: <new@example.test>\r\n").isEmpty());
        assertFalse(LOOP.matches(ListFixtures.post("Subject: no message-id\r\n\r\nhi\r\n")));
    }
}
