package dev.quire.lists.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MailMessageTest {
    private static final String RAW = "Received: from a\r\n\tby b; Sat, 1 Jan 2026 00:00:00 +0000\r\n"
            + "From: Alice <alice@example.test>\r\n"
            + "Subject: =?UTF-8?Q?caf=C3=A9?=\r\n"
            + "X-Long: one\r\n two\r\n"
            + "\r\n"
            + "body line\r\n\r\nsecond paragraph\r\n";

    private static MailMessage parse(String s) {
        return MailMessage.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void roundTripsByteForByte() {
        byte[] raw = (RAW + "caf\u00e9 in latin-1 \u00ff\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(raw, MailMessage.parse(raw).toBytes());
    }

    @Test
    void readsUnfoldedValues() {
        MailMessage m = parse(RAW);
        assertEquals(Optional.of("one two"), m.header("x-long"));
        assertEquals(Optional.of("Alice <alice@example.test>"), m.header("FROM"));
        assertEquals(List.of("from a\tby b; Sat, 1 Jan 2026 00:00:00 +0000"), m.headers("Received"));
        assertEquals(Optional.empty(), m.header("Cc"));
    }

    @Test
    void setReplacesInPlaceAndPrependGoesOnTop() {
        MailMessage m = parse(RAW);
        m.set("Subject", "[demo] hi");
        m.prepend("Received", "from c by d");
        m.set("List-Id", "<demo.lists.example.test>");
        String out = new String(m.toBytes(), StandardCharsets.ISO_8859_1);
        assertEquals("Received: from c by d\r\nReceived: from a\r\n\tby b; Sat, 1 Jan 2026 00:00:00 +0000\r\n"
                + "From: Alice <alice@example.test>\r\nSubject: [demo] hi\r\nX-Long: one\r\n two\r\n"
                + "List-Id: <demo.lists.example.test>\r\n\r\nbody line\r\n\r\nsecond paragraph\r\n", out);
    }

    @Test
    void aMessageWithoutBodyGetsTheSeparator() {
        assertEquals("Subject: x\r\n\r\n", new String(parse("Subject: x\r\n").toBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void aNonHeaderLineEndsTheHeaderSection() {
        MailMessage m = parse("Subject: x\r\nthis is not a header\r\nmore\r\n");
        assertEquals(Optional.of("x"), m.header("Subject"));
        assertEquals("this is not a header\r\nmore\r\n", new String(m.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void refusesHeaderInjection() {
        MailMessage m = parse(RAW);
        assertThrows(IllegalArgumentException.class, () -> m.set("Subject", "x\r\nBcc: evil@example.test"));
    }
}
