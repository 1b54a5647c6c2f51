package dev.quire.lists.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class SuspiciousHeaderTest {
    private static final String PATTERNS = "# Mailman's examples\nto: friend@public\\.com\n\nfrom: .*@uplinkpro\\.com\n"
            + "subject: [unclosed\n";

    private static Post post(String headers) {
        Post post = ListFixtures.post(headers + "Subject: x\r\n\r\nhi\r\n");
        post.list().posting().setSuspiciousHeaders(PATTERNS);
        return post;
    }

    @Test
    void aMatchingHeaderIsHeld() {
        Post post = post("From: Sales <Deals@UplinkPro.com>\r\nTo: demo@lists.example.test\r\n");
        assertTrue(new SuspiciousHeader().matches(post));
        assertEquals(List.of("suspicious-header: the from header matches .*@uplinkpro\\.com"), post.reasons());
    }

    @Test
    void otherHeadersCommentsAndBrokenPatternsAreNot() {
        assertFalse(new SuspiciousHeader().matches(post("From: alice@example.test\r\nTo: friend@private.com\r\n")));
        Post none = ListFixtures.post("From: deals@uplinkpro.com\r\n\r\nhi\r\n");
        assertFalse(new SuspiciousHeader().matches(none), "no patterns set");
    }
}
