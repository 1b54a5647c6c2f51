package dev.quire.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

class NoticeAttachmentTest {
    @Test
    void anAttachedMessageTravelsWholeAsMessageRfc822AfterTheText() throws Exception {
        String held = "From: mallory@remote.test\nSubject: caf\u00e9\nMessage-ID: <held-1@remote.test>\n\nbuy now\n";
        byte[] raw = Notice.of(EmailAddress.parse("demo-owner@lists.example.test"), "Demo list",
                List.of(EmailAddress.parse("bob@example.test")), "Demo list post requires approval", "Held.\n")
                .header("Reply-To", "demo-confirm+abc@lists.example.test")
                .attach(held.getBytes(StandardCharsets.ISO_8859_1))
                .toBytes("mx.example.test");

        Message m = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(raw));
        assertEquals("multipart/mixed", m.getMimeType());
        assertEquals("demo-confirm+abc@lists.example.test", m.getHeader().getField("Reply-To").getBody());
        Multipart parts = (Multipart) m.getBody();
        assertEquals(2, parts.getBodyParts().size());
        String text = new String(((TextBody) parts.getBodyParts().get(0).getBody()).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals("Held.\r\n", text);
        assertEquals("message/rfc822", parts.getBodyParts().get(1).getMimeType());
        assertEquals("8bit", parts.getBodyParts().get(1).getContentTransferEncoding());
        Message attached = (Message) parts.getBodyParts().get(1).getBody();
        assertEquals("<held-1@remote.test>", attached.getMessageId());
        String wire = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(wire.contains("\r\n\r\nFrom: mallory@remote.test\r\nSubject: caf\u00e9\r\n"), wire);
    }
}
