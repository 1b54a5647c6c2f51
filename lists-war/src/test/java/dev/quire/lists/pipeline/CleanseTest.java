package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class CleanseTest {
    @Test
    void theModeratorPasswordAndReceiptRequestsDoNotReachMembers() {
        Post post = ListFixtures.post("From: alice@example.test\r\nApproved: s3cret\r\nX-Approve: s3cret\r\n"
                + "Disposition-Notification-To: alice@example.test\r\nReturn-Receipt-To: alice@example.test\r\n"
                + "Subject: hi\r\n\r\nbody\r\n");
        new Cleanse().process(post);
        assertEquals("From: alice@example.test\r\nSubject: hi\r\n\r\nbody\r\n",
                new String(post.message().toBytes(), StandardCharsets.UTF_8));
    }
}
