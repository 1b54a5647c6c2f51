package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.message.MailMessage;

class DecorateTest {
    private static final String FOOTER = "_______________\nDemo list -- unsubscribe: mailto:demo-leave@lists.example.test\n";

    private static Message parsed(MailMessage m) throws IOException {
        return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(m.toBytes()));
    }

    private static String text(Entity e) throws IOException {
        TextBody body = (TextBody) e.getBody();
        try (var r = body.getReader()) {
            StringBuilder sb = new StringBuilder();
            r.transferTo(new java.io.Writer() {
                @Override
                public void write(char[] c, int o, int l) {
                    sb.append(c, o, l);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            return sb.toString();
        }
    }

    @Test
    void plainTextGetsHeaderAndFooterInline() throws IOException {
        MailMessage m = ListFixtures.message("From: a@example.test\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nHello all.\r\n");
        Decorate.apply(m, "Posted to Demo", FOOTER);
        String body = new String(m.body(), StandardCharsets.UTF_8);
        assertEquals("Posted to Demo\r\nHello all.\r\n" + FOOTER.replace("\n", "\r\n"), body);
    }

    @Test
    void quotedPrintableBodiesGetAnEncodedFooter() throws IOException {
        MailMessage m = ListFixtures.message("Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9\r\n");
        Decorate.apply(m, null, "Liste für alle\n");
        assertEquals("Café\nListe für alle\n", text(parsed(m)).replace("\r\n", "\n"));
    }

    @Test
    void multipartMixedGetsTextPartsFirstAndLast() throws IOException {
        MailMessage m = ListFixtures.message("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nbody\r\n--b\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--b--\r\n");
        Decorate.apply(m, "HEADER", "FOOTER");
        List<Entity> parts = ((Multipart) parsed(m).getBody()).getBodyParts();
        assertEquals(4, parts.size());
        assertEquals("HEADER", text(parts.get(0)).strip());
        assertEquals("application/pdf", parts.get(2).getMimeType());
        assertEquals("FOOTER", text(parts.get(3)).strip());
    }

    @Test
    void htmlIsWrappedUntouchedBetweenTextParts() throws IOException {
        MailMessage m = ListFixtures.message("Subject: s\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nPHA+aGk8L3A+\r\n");
        Decorate.apply(m, null, "FOOTER");
        assertTrue(m.header("Content-Type").orElseThrow().startsWith("multipart/mixed"));
        assertTrue(m.header("Content-Transfer-Encoding").isEmpty(), "a multipart is not base64");
        List<Entity> parts = ((Multipart) parsed(m).getBody()).getBodyParts();
        assertEquals(2, parts.size());
        assertEquals("text/html", parts.get(0).getMimeType());
        assertEquals("<p>hi</p>", text(parts.get(0)));
        assertEquals("FOOTER", text(parts.get(1)).strip());
    }

    @Test
    void blankTemplatesChangeNothing() throws IOException {
        MailMessage m = ListFixtures.message("Subject: s\r\n\r\nbody\r\n");
        byte[] before = m.toBytes();
        Decorate.apply(m, "", null);
        assertEquals(new String(before, StandardCharsets.ISO_8859_1),
                new String(m.toBytes(), StandardCharsets.ISO_8859_1));
    }
}
