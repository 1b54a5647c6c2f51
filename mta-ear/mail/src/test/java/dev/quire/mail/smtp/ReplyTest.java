package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void rendersSingleAndMultiLineReplies() {
        assertEquals("250 2.1.0 Sender ok", Reply.ok("2.1.0", "Sender ok").toWire());
        assertEquals("220 mx.example ESMTP Quire", new Reply(220, null, "mx.example ESMTP Quire").toWire());
        assertEquals("250-mx.example\r\n250-PIPELINING\r\n250 SIZE 10", new Reply(250, null,
                "mx.example\nPIPELINING\nSIZE 10").toWire());
        assertEquals("250", new Reply(250, null, null).toWire());
    }

    @Test
    void classifiesCodes() {
        Reply transientFailure = new Reply(451, "4.3.0", "later");
        Reply permanentFailure = new Reply(550, "5.1.1", "no");
        assertTrue(Reply.ok(null, "x").isPositive());
        assertTrue(new Reply(354, null, "go").isPositive());
        assertTrue(transientFailure.isTransient());
        assertFalse(transientFailure.isPermanent());
        assertTrue(permanentFailure.isPermanent());
        assertFalse(permanentFailure.isPositive());
    }

    @Test
    void refusesRepliesThatCouldInjectProtocolLines() {
        assertThrows(IllegalArgumentException.class, () -> Reply.ok("2.0.0", "ok\r\n250 smuggled"));
        assertThrows(IllegalArgumentException.class, () -> Reply.ok("2.0.0", "nul\u0000"));
        assertThrows(IllegalArgumentException.class, () -> new Reply(550, "2.0.0", "class mismatch"));
        assertThrows(IllegalArgumentException.class, () -> new Reply(250, "2.0", "malformed"));
        assertThrows(IllegalArgumentException.class, () -> new Reply(199, null, "out of range"));
    }
}
