package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class NonmemberModerationTest {
    @Test
    void sendersComeFromFromSenderAndTheEnvelope() {
        Post post = ListFixtures.post("From: \"Bob B\" <bob@example.test>, carol@remote.test\r\n"
                + "Sender: dave@example.test\r\n\r\nhi\r\n");
        assertEquals(List.of("bob@example.test", "carol@remote.test", "dave@example.test", "alice@example.test"),
                NonmemberModeration.senders(post).stream().map(Object::toString).toList());
    }

    @Test
    void unparsableFromHeadersNameNobody() {
        Post post = ListFixtures.post("From: <<<\r\n\r\nhi\r\n");
        assertEquals(List.of("alice@example.test"),
                NonmemberModeration.senders(post).stream().map(Object::toString).toList());
    }
}
