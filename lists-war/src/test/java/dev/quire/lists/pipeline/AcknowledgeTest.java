package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.mail.Notice;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

class AcknowledgeTest {
    @Test
    void theAcknowledgementNamesThePostAndTheListAndThreadsUnderIt() {
        Post post = ListFixtures.post("From: alice@example.test\r\nSubject: [demo] Budget\r\n"
                + "Message-ID: <b1@example.test>\r\n\r\nbody\r\n");
        Notice notice = Acknowledge.notice(post, EmailAddress.parse("alice@example.test"));
        assertEquals(List.of(EmailAddress.parse("alice@example.test")), notice.to());
        assertEquals(EmailAddress.parse("demo-owner@lists.example.test"), notice.from());
        assertEquals("Demo list post acknowledgement", notice.subject());
        assertTrue(notice.body().contains("    [demo] Budget\n"), notice.body());
        assertTrue(notice.body().contains("received by the Demo list mailing list"), notice.body());
        String wire = new String(notice.toBytes("lists.example.test"), StandardCharsets.US_ASCII);
        assertTrue(wire.contains("In-Reply-To: <b1@example.test>\r\n"), wire);
        assertTrue(wire.contains("Auto-Submitted: auto-replied\r\n"), wire);
    }
}
