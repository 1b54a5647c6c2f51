package dev.quire.lists.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.archive.PlainText;

/** Both digest formats, read back as a member's mail program would. */
class DigestFormatTest {
    private static final byte[] PLAIN = ("From: Alice <alice@example.test>\r\nSubject: [demo] agenda\r\n"
            + "Date: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <a1@example.test>\r\n\r\nSee you at ten.\r\n"
            + "------------------------------\r\nnot a separator\r\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] HTML = ("From: =?utf-8?q?Bj=C3=B6rn?= <bjorn@example.test>\r\n"
            + "Subject: =?utf-8?q?Re:_[demo]_agenda_=E2=9C=93?=\r\nMessage-ID: <b1@example.test>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Ten is <b>fine</b>.</p><p>Bj\u00f6rn</p>\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private static DigestIssue issue() {
        return new DigestIssue(ListFixtures.demo(), 1, 3, Instant.parse("2026-03-02T18:00:00Z"), List.of(PLAIN, HTML));
    }

    @Test
    void theMimeDigestIsATableOfContentsThenAMultipartDigestOfTheWholePosts() throws Exception {
        byte[] raw = MimeDigest.render(issue(), "lists.example.test");
        Message digest = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(raw));

        assertEquals("Demo list Digest, Vol 1, Issue 3", digest.getSubject());
        assertEquals("demo-request@lists.example.test", digest.getFrom().get(0).getAddress());
        assertEquals("<digest.1.3.demo.lists.example.test@lists.example.test>", digest.getMessageId());
        assertEquals("multipart/mixed", digest.getMimeType());
        List<Entity> parts = ((Multipart) digest.getBody()).getBodyParts();
        assertEquals(2, parts.size());

        assertEquals("text/plain", parts.get(0).getMimeType());
        String toc = text(parts.get(0));
        assertTrue(toc.contains("Today's Topics:\n\n   1. [demo] agenda (Alice <alice@example.test>)\n"
                + "   2. Re: [demo] agenda \u2713 (Bj\u00f6rn <bjorn@example.test>)\n"), toc);
        assertTrue(toc.startsWith("Send Demo list mailing list submissions to\n\tdemo@lists.example.test"), toc);

        assertEquals("multipart/digest", parts.get(1).getMimeType());
        List<Entity> posts = ((Multipart) parts.get(1).getBody()).getBodyParts();
        assertEquals(2, posts.size());
        assertEquals("message/rfc822", posts.get(0).getMimeType());
        Message first = (Message) posts.get(0).getBody();
        assertEquals("[demo] agenda", first.getSubject());
        assertEquals("<a1@example.test>", first.getMessageId());
        assertTrue(text(first).startsWith("See you at ten.\r\n"), text(first));
        Message second = (Message) posts.get(1).getBody();
        assertEquals("text/html", second.getMimeType());
        assertEquals("Re: [demo] agenda \u2713", second.getSubject());
    }

    @Test
    void thePlainDigestFollowsRfc1153() throws Exception {
        String digest = new String(PlainDigest.render(issue(), "lists.example.test"), StandardCharsets.UTF_8);
        assertTrue(digest.contains("\r\nSubject: Demo list Digest, Vol 1, Issue 3\r\n"), digest);
        assertTrue(digest.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"), digest);
        String body = digest.substring(digest.indexOf("\r\n\r\n") + 4).replace("\r\n", "\n");

        String expected = "Today's Topics:\n\n"
                + "   1. [demo] agenda (Alice <alice@example.test>)\n"
                + "   2. Re: [demo] agenda \u2713 (Bj\u00f6rn <bjorn@example.test>)\n\n"
                + "-".repeat(70) + "\n\n"
                + "Message: 1\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nFrom: Alice <alice@example.test>\n"
                + "Subject: [demo] agenda\nMessage-ID: <a1@example.test>\n\n"
                + "See you at ten.\n ------------------------------\nnot a separator\n\n"
                + "-".repeat(30) + "\n\n"
                + "Message: 2\nFrom: Bj\u00f6rn <bjorn@example.test>\nSubject: Re: [demo] agenda \u2713\n"
                + "Message-ID: <b1@example.test>\n\n"
                + "Ten is fine.\n\nBj\u00f6rn\n\n"
                + "-".repeat(30) + "\n\n"
                + "End of Demo list Digest, Vol 1, Issue 3\n" + "*".repeat(39) + "\n";
        assertTrue(body.endsWith(expected), body);
        assertTrue(body.startsWith("Send Demo list mailing list submissions to\n"), body);
    }

    private static String text(Entity e) throws Exception {
        if (e.getBody() instanceof TextBody t) {
            try (var in = t.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return PlainText.of(e);
    }
}
