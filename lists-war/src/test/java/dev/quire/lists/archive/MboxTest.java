package dev.quire.lists.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** mboxrd written and read back byte for byte; Mailman 2's pipermail mbox read. */
class MboxTest {
    private static byte[] crlf(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripKeepsEveryByteIncludingFromLinesInTheBody() throws Exception {
        byte[] one = crlf("From: alice@example.test\nSubject: one\n\nFrom the start, a line that begins with From.\n"
                + ">From a quoted one\n>>From a doubly quoted one\n\nlast line\n");
        byte[] two = crlf("From: bob@example.test\nSubject: two\n\nshort\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Mbox.write(out, "alice@example.test", Instant.parse("2026-01-05T09:03:04Z"), one);
        Mbox.write(out, "bob@example.test", Instant.parse("2026-01-06T10:00:00Z"), two);
        String file = out.toString(StandardCharsets.UTF_8);

        assertTrue(file.startsWith("From alice@example.test Mon Jan  5 09:03:04 2026\n"), file);
        assertTrue(file.contains("\n>From the start, a line that begins with From.\n>>From a quoted one\n"
                + ">>>From a doubly quoted one\n"), file);
        assertTrue(file.contains("\nlast line\n\nFrom bob@example.test Tue Jan  6 10:00:00 2026\n"), file);

        List<byte[]> read = new ArrayList<>();
        assertEquals(2, Mbox.read(new ByteArrayInputStream(out.toByteArray()), read::add));
        assertArrayEquals(one, read.get(0));
        assertArrayEquals(two, read.get(1));
    }

    @Test
    void readsAMailman2PipermailMbox() throws Exception {
        List<byte[]> read = new ArrayList<>();
        try (var in = MboxTest.class.getResourceAsStream("/archives/mailman2-demo.mbox")) {
            assertEquals(4, Mbox.read(in, read::add));
        }
        String third = new String(read.get(2), StandardCharsets.UTF_8);
        assertTrue(third.contains("\r\nFrom Monday on the office is closed.\r\n"), third);
        assertTrue(third.endsWith("Carol\r\n"), third);
    }
}
