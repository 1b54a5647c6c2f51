package dev.quire.lists.posting;

import dev.quire.db.list.Action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.rules.Loop;
import dev.quire.lists.rules.NonmemberModeration;

/** The chain's table with rules whose verdicts do not need a database: loop and the terminal rows. */
class DefaultPostingChainTest {
    /** A non-member rule fixed to one answer, so the table's order can be checked alone. */
    private static NonmemberModeration nonmember(boolean fires) {
        return new NonmemberModeration() {
            @Override
            public boolean matches(Post post) {
                if (fires) {
                    post.addReason(name(), "the message is not from a list member");
                }
                return fires;
            }
        };
    }

    @Test
    void theTableReadsInMailmansOrder() {
        DefaultPostingChain chain = new DefaultPostingChain(new Loop(), nonmember(false));
        assertEquals(List.of("loop", "nonmember-moderation", "any", "truth"),
                chain.links().stream().map(l -> l.rule().name()).toList());
        assertEquals(List.of(Action.DISCARD, Action.DEFER, Action.HOLD, Action.ACCEPT),
                chain.links().stream().map(DefaultPostingChain.Link::action).toList());
    }

    @Test
    void memberPostIsAccepted() {
        Post post = ListFixtures.post("From: alice@example.test\r\nSubject: x\r\n\r\nhi\r\n");
        assertEquals(Action.ACCEPT, new DefaultPostingChain(new Loop(), nonmember(false)).decide(post));
        assertTrue(post.reasons().isEmpty());
    }

    @Test
    void nonMemberPostIsHeldWithItsReason() {
        Post post = ListFixtures.post("From: mallory@example.test\r\nSubject: x\r\n\r\nhi\r\n");
        assertEquals(Action.HOLD, new DefaultPostingChain(new Loop(), nonmember(true)).decide(post));
        assertEquals(List.of("nonmember-moderation: the message is not from a list member"), post.reasons());
    }

    @Test
    void aPostThatAlreadyWentThroughTheListIsDiscarded() {
        Post post = ListFixtures.post("List-Id: Demo list <demo.lists.example.test>\r\nSubject: x\r\n\r\nhi\r\n");
        assertEquals(Action.DISCARD, new DefaultPostingChain(new Loop(), nonmember(true)).decide(post));
    }
}
