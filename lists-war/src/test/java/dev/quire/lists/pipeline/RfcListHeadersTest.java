package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class RfcListHeadersTest {
    @Test
    void addsListFieldsAndReplacesForeignOnes() {
        Post post = ListFixtures.post("List-Id: <other.example.org>\r\nList-Post: <mailto:other@example.org>\r\n"
                + "Subject: x\r\n\r\nbody\r\n");
        new RfcListHeaders().process(post);
        var m = post.message();
        assertEquals(List.of("Demo list <demo.lists.example.test>"), m.headers("List-Id"));
        assertEquals(List.of("<mailto:demo@lists.example.test>"), m.headers("List-Post"));
        assertEquals(Optional.of("<mailto:demo-leave@lists.example.test>"), m.header("List-Unsubscribe"));
        assertEquals(Optional.of("list"), m.header("Precedence"));
    }

    @Test
    void quotesDisplayNamesWithSpecials() {
        assertEquals("Demo list", RfcListHeaders.quote("Demo list"));
        assertEquals("\"Dept. \\\"news\\\"\"", RfcListHeaders.quote("Dept. \"news\""));
    }
}
