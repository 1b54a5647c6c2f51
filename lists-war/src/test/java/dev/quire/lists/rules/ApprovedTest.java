package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.quire.db.user.PasswordHash;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class ApprovedTest {
    private static String hash;

    @BeforeAll
    static void hashOnce() {
        hash = PasswordHash.create("tr0ub4dor".toCharArray());
    }

    private static boolean approved(String text) {
        Post post = ListFixtures.post(text);
        post.list().posting().setModeratorPasswordHash(hash);
        boolean matched = new Approved().matches(post);
        assertEquals(matched ? List.of("approved: the post carries the list's moderator password") : List.of(),
                post.reasons());
        return matched;
    }

    @Test
    void theRightPasswordInAHeaderApproves() {
        assertTrue(approved("From: bob@remote.test\r\nApproved: tr0ub4dor\r\nSubject: x\r\n\r\nhi\r\n"));
        assertTrue(approved("From: bob@remote.test\r\nX-Approved:  tr0ub4dor \r\nSubject: x\r\n\r\nhi\r\n"));
    }

    @Test
    void theRightPasswordOnTheFirstBodyLineApproves() {
        assertTrue(approved("From: bob@remote.test\r\nSubject: x\r\n\r\n\r\nApproved: tr0ub4dor\r\nhi\r\n"));
    }

    @Test
    void aWrongPasswordOrOneLaterInTheBodyDoesNot() {
        assertFalse(approved("From: bob@remote.test\r\nApproved: guess\r\nSubject: x\r\n\r\nhi\r\n"));
        assertFalse(approved("From: bob@remote.test\r\nSubject: x\r\n\r\nhi\r\nApproved: tr0ub4dor\r\n"));
    }

    @Test
    void aListWithoutAPasswordApprovesNothing() {
        Post post = ListFixtures.post("From: bob@remote.test\r\nApproved: \r\nSubject: x\r\n\r\nhi\r\n");
        assertFalse(new Approved().matches(post));
    }
}
