package dev.quire.mta.smtpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HopCounterTest {
    private static int hops(String message) throws Exception {
        HopCounter c = new HopCounter(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
        c.transferTo(OutputStream.nullOutputStream());
        return c.hops();
    }

    @Test
    void countsReceivedFieldsInTheHeaderOnly() throws Exception {
        assertEquals(2, hops("Received: from a\r\n\tby b\r\nRECEIVED: x\r\nSubject: Received: no\r\n"
                + "X-Received: no\r\n\r\nReceived: in the body does not count\r\n"));
    }

    @Test
    void foldedAndBareLinesAreHandled() throws Exception {
        assertEquals(1, hops("Subject: x\n received: folded, not a field\nReceived: yes\n\nReceived: body\n"));
        assertEquals(0, hops("\r\nReceived: body only\r\n"));
    }
}
