package dev.quire.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

class NoticeTest {
    @Test
    void rendersAParseableUtf8MessageWithLongLinesSoftBroken() throws Exception {
        String body = "Grüße aus Zürich\n" + "x".repeat(200) + "\nlast line with = sign\n";
        byte[] raw = Notice.of(EmailAddress.parse("demo-request@lists.example.test"), "Démo list",
                List.of(EmailAddress.parse("alice@example.test")), "Réponse: subscribe", body)
                .inReplyTo("<abc@example.test>")
                .toBytes("mx.example.test");
        String wire = new String(raw, StandardCharsets.US_ASCII);
        for (String line : wire.split("\r\n")) {
            assertTrue(line.length() <= 76, "line too long: " + line);
        }
        assertTrue(!wire.replace("\r\n", "").contains("\n"), "bare LF in " + wire);

        Message m = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(raw));
        assertEquals("Réponse: subscribe", m.getSubject());
        assertEquals("Démo list", m.getFrom().get(0).getName());
        assertEquals("auto-replied", m.getHeader().getField("Auto-Submitted").getBody());
        assertEquals("<abc@example.test>", m.getHeader().getField("In-Reply-To").getBody());
        String text = new String(((TextBody) m.getBody()).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(body.replace("\n", "\r\n"), text);
    }
}
