package dev.quire.lists.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;

class PostTest {
    @Test
    void sendersComeFromFromSenderAndTheEnvelopeEachOnce() {
        Post post = ListFixtures.post("From: \"Bob B\" <bob@example.test>, carol@remote.test\r\n"
                + "Sender: dave@example.test\r\nReply-To: eve@example.test\r\n\r\nhi\r\n");
        assertEquals(List.of("bob@example.test", "carol@remote.test", "dave@example.test", "alice@example.test"),
                post.senders().stream().map(Object::toString).toList());
        Post again = ListFixtures.post("From: alice@example.test\r\n\r\nhi\r\n");
        assertEquals(List.of("alice@example.test"), again.senders().stream().map(Object::toString).toList());
    }

    @Test
    void unparsableFromHeadersNameNobody() {
        Post post = ListFixtures.post("From: <<<\r\n\r\nhi\r\n");
        assertEquals(List.of("alice@example.test"), post.senders().stream().map(Object::toString).toList());
    }
}
