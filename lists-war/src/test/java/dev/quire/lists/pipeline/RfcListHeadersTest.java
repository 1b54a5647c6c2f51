package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.ListStyle;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class RfcListHeadersTest {
    private final RfcListHeaders handler = new RfcListHeaders(ListFixtures.settings());

    @Test
    void addsEveryListFieldAndReplacesForeignOnes() {
        Post post = ListFixtures.post("List-Id: <other.example.org>\r\nList-Post: <mailto:other@example.org>\r\n"
                + "Archived-At: <https://elsewhere.example.org/1>\r\nSubject: x\r\n\r\nbody\r\n");
        handler.process(post);
        var m = post.message();
        assertEquals(List.of("Demo list <demo.lists.example.test>"), m.headers("List-Id"));
        assertEquals(List.of("<mailto:demo@lists.example.test>"), m.headers("List-Post"));
        assertEquals(Optional.of("<mailto:demo-request@lists.example.test?subject=help>"), m.header("List-Help"));
        assertEquals(Optional.of("<mailto:demo-join@lists.example.test>"), m.header("List-Subscribe"));
        assertEquals(Optional.of("<mailto:demo-leave@lists.example.test>"), m.header("List-Unsubscribe"));
        assertEquals(Optional.of("<mailto:demo-owner@lists.example.test>"), m.header("List-Owner"));
        assertEquals(Optional.of("<https://lists.example.test/archives/demo.lists.example.test/>"),
                m.header("List-Archive"));
        assertTrue(m.header("Archived-At").isEmpty(), "a foreign Archived-At is not this list's");
        assertEquals(Optional.of("list"), m.header("Precedence"));
    }

    @Test
    void announceListsSayNoPostingAndUnarchivedListsHaveNoArchive() {
        Post post = ListFixtures.post("Subject: x\r\n\r\nbody\r\n");
        post.list().setStyle(ListStyle.ANNOUNCE);
        post.list().setArchivePolicy(ArchivePolicy.NONE);
        handler.process(post);
        assertEquals(Optional.of("NO"), post.message().header("List-Post"));
        assertTrue(post.message().header("List-Archive").isEmpty());
    }

    @Test
    void quotesDisplayNamesWithSpecials() {
        assertEquals("Demo list", RfcListHeaders.quote("Demo list"));
        assertEquals("\"Dept. \\\"news\\\"\"", RfcListHeaders.quote("Dept. \"news\""));
    }
}
