package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class ImplicitDestinationTest {
    private static Post post(String recipients) {
        Post post = ListFixtures.post("From: alice@example.test\r\n" + recipients + "Subject: x\r\n\r\nhi\r\n");
        post.list().posting().setAcceptableAliases("team@example.test\n^all-[a-z]+@example\\.test$\n");
        return post;
    }

    @Test
    void theListInToOrCcIsExplicit() {
        assertFalse(new ImplicitDestination().matches(post("To: \"Demo\" <DEMO@lists.example.test>\r\n")));
        assertFalse(new ImplicitDestination().matches(post("To: bob@example.test\r\nCc: demo@lists.example.test\r\n")));
    }

    @Test
    void anAcceptableAliasIsExplicit() {
        assertFalse(new ImplicitDestination().matches(post("To: Team@example.test\r\n")));
        assertFalse(new ImplicitDestination().matches(post("Cc: all-staff@example.test\r\n")));
    }

    @Test
    void aBlindCopyIsHeld() {
        Post post = post("To: bob@example.test\r\n");
        assertTrue(new ImplicitDestination().matches(post));
        assertEquals(List.of("implicit-destination: the list's address demo@lists.example.test is not in To or Cc"),
                post.reasons());
    }

    @Test
    void listsCanTurnItOff() {
        Post post = post("To: bob@example.test\r\n");
        post.list().posting().setRequireExplicitDestination(false);
        assertFalse(new ImplicitDestination().matches(post));
    }
}
