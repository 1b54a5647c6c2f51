package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.ReplyToPolicy;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class ReplyToTest {
    private static final String WITH_REPLY_TO = "From: Alice <alice@example.test>\r\n"
            + "Reply-To: alice.home@example.test\r\nSubject: x\r\n\r\nbody\r\n";

    private static Post run(String text, ReplyToPolicy policy, boolean strip, String explicit) {
        Post post = ListFixtures.post(text);
        post.list().pipeline().setReplyToPolicy(policy);
        post.list().pipeline().setFirstStripReplyTo(strip);
        post.list().pipeline().setReplyToAddress(explicit);
        new ReplyTo().process(post);
        return post;
    }

    @Test
    void noneLeavesTheAuthorsReplyTo() {
        Post post = run(WITH_REPLY_TO, ReplyToPolicy.NONE, false, null);
        assertEquals(Optional.of("alice.home@example.test"), post.message().header("Reply-To"));
    }

    @Test
    void listAddsTheListAfterTheAuthorsReplyTo() {
        Post post = run(WITH_REPLY_TO, ReplyToPolicy.LIST, false, null);
        assertEquals(Optional.of("alice.home@example.test, demo@lists.example.test"),
                post.message().header("Reply-To"));
    }

    @Test
    void listWithStripPointsRepliesOnlyAtTheList() {
        Post post = run(WITH_REPLY_TO, ReplyToPolicy.LIST, true, null);
        assertEquals(Optional.of("demo@lists.example.test"), post.message().header("Reply-To"));
    }

    @Test
    void explicitUsesTheConfiguredAddress() {
        Post post = run("From: alice@example.test\r\n\r\nbody\r\n", ReplyToPolicy.EXPLICIT, false,
                "discuss@lists.example.test");
        assertEquals(Optional.of("discuss@lists.example.test"), post.message().header("Reply-To"));
    }

    @Test
    void stripAloneRemovesTheAuthorsReplyTo() {
        Post post = run(WITH_REPLY_TO, ReplyToPolicy.NONE, true, null);
        assertTrue(post.message().header("Reply-To").isEmpty());
    }
}
