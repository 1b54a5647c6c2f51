package dev.quire.lists.archive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessageRendererTest {
    private static final String MIXED = String.join("\r\n",
            "From: Alice <alice@example.test>",
            "Subject: slides",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: multipart/alternative; boundary=\"b2\"",
            "",
            "--b2",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Slides attached, caf\u00e9.",
            "--b2",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>Slides attached</p>",
            "--b2--",
            "--b1",
            "Content-Type: text/html; name=\"evil.html\"",
            "Content-Disposition: attachment; filename=\"evil.html\"",
            "",
            "<script>alert(1)</script>",
            "--b1",
            "Content-Type: application/pdf",
            "Content-Disposition: attachment; filename=\"slides.pdf\"",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQK",
            "--b1--",
            "");

    @Test
    void thePlainAlternativeIsShownAndOtherPartsAreNumberedAttachments() throws Exception {
        MessageRenderer.Rendered r = MessageRenderer.render(MIXED.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.parts().size());
        assertFalse(r.parts().get(0).html());
        assertEquals("Slides attached, caf\u00e9.", r.parts().get(0).content().strip());
        assertEquals(2, r.attachments().size());
        assertEquals(new MessageRenderer.Attachment(1, "evil.html", "text/html", 25), r.attachments().get(0));
        assertEquals("slides.pdf", r.attachments().get(1).filename());
    }

    @Test
    void attachmentsAreServedWithSafeTypes() throws Exception {
        byte[] raw = MIXED.getBytes(StandardCharsets.UTF_8);
        MessageRenderer.Download html = MessageRenderer.attachment(raw, 1).orElseThrow();
        assertEquals("application/octet-stream", html.contentType(), "HTML is never served as HTML");
        MessageRenderer.Download pdf = MessageRenderer.attachment(raw, 2).orElseThrow();
        assertEquals("application/pdf", pdf.contentType());
        assertArrayEquals("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), pdf.content());
        assertTrue(MessageRenderer.attachment(raw, 3).isEmpty());
    }

    @Test
    void anHtmlOnlyPostIsSanitized() throws Exception {
        String raw = "Subject: x\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n"
                + "<p>Hi</p><script>alert(1)</script><img src=\"http://t.example/p.gif\" onerror=\"alert(2)\">\r\n";
        MessageRenderer.Rendered r = MessageRenderer.render(raw.getBytes(StandardCharsets.US_ASCII));
        assertTrue(r.parts().get(0).html());
        String html = r.parts().get(0).content();
        assertTrue(html.contains("<p>Hi</p>"), html);
        assertFalse(html.contains("script") || html.contains("onerror") || html.contains("t.example/p.gif"), html);
    }

    @Test
    void contentDispositionNamesAreSafe() {
        assertEquals("attachment; filename=\"a_b.txt\"; filename*=UTF-8''a_b.txt",
                ArchivePages.disposition("a/b.txt"));
        assertEquals("attachment; filename=\"r_sum_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
                ArchivePages.disposition("r\u00e9sum\u00e9.pdf"));
        assertFalse(ArchivePages.disposition("x\"\r\nSet-Cookie: a=b").contains("\r\n"));
    }
}
