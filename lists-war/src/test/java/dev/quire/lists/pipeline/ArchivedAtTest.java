package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class ArchivedAtTest {
    @Test
    void pointsAtTheUrlTheArchiveRecorded() {
        Post post = ListFixtures.post("Subject: x\r\n\r\nbody\r\n");
        post.setArchivedAt("https://lists.example.test/archives/demo.lists.example.test/msg/42");
        new ArchivedAt().process(post);
        assertEquals(Optional.of("<https://lists.example.test/archives/demo.lists.example.test/msg/42>"),
                post.message().header("Archived-At"));
    }

    @Test
    void anUnarchivedOrOddUrlAddsNothing() {
        Post post = ListFixtures.post("Subject: x\r\n\r\nbody\r\n");
        new ArchivedAt().process(post);
        post.setArchivedAt("https://x.test/a>b");
        new ArchivedAt().process(post);
        assertTrue(post.message().header("Archived-At").isEmpty());
    }
}
