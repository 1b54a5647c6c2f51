package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DotTerminatedInputStreamTest {

    private static final String NEXT = "NOOP\r\n";

    /** What a handler reading the stream sees, and what is left for the session afterwards. */
    private record Outcome(String content, Reply rejection, String rest) {
    }

    private static Outcome read(String wire, long maxSize, boolean oneByteAtATime) throws IOException {
        InputStream session = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
        // as a session reads: from its buffered input (whole runs of a line at once), or one byte per read
        InputStream source = oneByteAtATime ? new TrickleInputStream(session) : new SessionInput(session);
        DotTerminatedInputStream data = new DotTerminatedInputStream(source, maxSize);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        Reply rejection = null;
        try {
            if (oneByteAtATime) {
                for (int c = data.read(); c >= 0; c = data.read()) {
                    seen.write(c);
                }
            } else {
                data.transferTo(seen);
            }
        } catch (DataRejectedException e) {
            rejection = e.reply();
            assertThrows(DataRejectedException.class, data::read, "stays rejected");
        }
        assertTrue(data.isEnded());
        return new Outcome(seen.toString(StandardCharsets.ISO_8859_1), rejection,
                new String(source.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    private static Outcome read(String wire) throws IOException {
        return read(wire, 1000, false);
    }

    @Test
    void endsAtCrLfDotCrLfAndKeepsTheLastLineEnd() throws IOException {
        Outcome o = read("Subject: hi\r\n\r\nbody\r\n.\r\n" + NEXT);
        assertEquals("Subject: hi\r\n\r\nbody\r\n", o.content());
        assertNull(o.rejection());
        assertEquals(NEXT, o.rest());
    }

    @Test
    void emptyMessageIsADotRightAfterThe354() throws IOException {
        Outcome o = read(".\r\n" + NEXT);
        assertEquals("", o.content());
        assertNull(o.rejection());
        assertEquals(NEXT, o.rest());
    }

    @Test
    void undoesDotStuffingExactlyOnce() throws IOException {
        Outcome o = read("..\r\n...twodots\r\n.x\r\nmid.dle\r\n..\r\n.\r\n" + NEXT);
        assertEquals(".\r\n..twodots\r\nx\r\nmid.dle\r\n.\r\n", o.content());
        assertNull(o.rejection());
        assertEquals(NEXT, o.rest());
    }

    @Test
    void aDotNotAtLineStartDoesNotEndTheMessage() throws IOException {
        Outcome o = read("no final line end.\r\n.\r\n" + NEXT);
        assertEquals("no final line end.\r\n", o.content());
        assertEquals(NEXT, o.rest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n.\n", "\n.\r\n", "\r\n.\n", "\r.\r", "\r\n.\r", "\r.\r\n", "\n", "\r", "a\rb", "\r\r\n",
            ".\n", ".\rx"})
    void bareCrOrLfNeverEndsTheMessageAndRejectsIt(String smuggle) throws IOException {
        String hidden = "MAIL FROM:<evil@example.net>\r\nRCPT TO:<victim@example.org>\r\nDATA\r\nevil\r\n";
        Outcome o = read("hello" + smuggle + hidden + ".\r\n" + NEXT);
        assertEquals(DotTerminatedInputStream.BARE_LINE_END, o.rejection());
        assertEquals(NEXT, o.rest(), "the smuggled commands were consumed as data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n.\n", "\r\n.\n", "\r\n.\r", "\r\n..\r\n", "\r.\r"})
    void sameResultWhenFedOneByteAtATime(String edge) throws IOException {
        String wire = "a" + edge + "b\r\n.\r\n" + NEXT;
        Outcome bulk = read(wire, 1000, false);
        Outcome trickle = read(wire, 1000, true);
        assertEquals(bulk, trickle);
        assertEquals(NEXT, trickle.rest());
    }

    @Test
    void stuffedDotLineFedOneByteAtATime() throws IOException {
        Outcome o = read("a\r\n..\r\n.\r\n" + NEXT, 1000, true);
        assertEquals("a\r\n.\r\n", o.content());
        assertNull(o.rejection());
    }

    @Test
    void lineOf1000OctetsIsAcceptedAnd1001Rejected() throws IOException {
        String longest = "x".repeat(998) + "\r\n";
        assertNull(read(longest + ".\r\n", 5000, false).rejection());
        Outcome o = read("x".repeat(999) + "\r\nshort\r\n.\r\n" + NEXT, 5000, false);
        assertEquals(DotTerminatedInputStream.LINE_TOO_LONG, o.rejection());
        assertEquals(NEXT, o.rest());
    }

    @Test
    void oversizeStopsDeliveringBytesButConsumesToTheTerminator() throws IOException {
        Outcome exact = read("123456789\r\n.\r\n", 11, false);
        assertNull(exact.rejection());
        Outcome o = read("123456789\r\nmore\r\nand more\r\n.\r\n" + NEXT, 11, false);
        assertEquals(DotTerminatedInputStream.TOO_BIG, o.rejection());
        assertEquals("123456789\r\n", o.content());
        assertEquals(NEXT, o.rest());
    }

    @Test
    void firstViolationWins() throws IOException {
        assertEquals(DotTerminatedInputStream.BARE_LINE_END,
                read("bare\nthen big " + "x".repeat(40) + "\r\n.\r\n", 20, false).rejection());
    }

    @Test
    void connectionLossIsAnEofNotAnEnd() {
        DotTerminatedInputStream data = new DotTerminatedInputStream(
                new ByteArrayInputStream("partial\r\n".getBytes(StandardCharsets.US_ASCII)), 1000);
        assertThrows(EOFException.class, data::readAllBytes);
        assertTrue(data.failure() instanceof EOFException);
    }

    @Test
    void drainDiscardsWhatTheHandlerLeft() throws IOException {
        ByteArrayInputStream session = new ByteArrayInputStream("abc\r\ndef\r\n.\r\nQUIT\r\n".getBytes(
                StandardCharsets.US_ASCII));
        DotTerminatedInputStream data = new DotTerminatedInputStream(session, 1000);
        assertEquals('a', data.read());
        data.drain();
        assertTrue(data.isEnded());
        assertArrayEquals("QUIT\r\n".getBytes(StandardCharsets.US_ASCII), session.readAllBytes());
    }

    /** Hands out one byte per read and claims nothing is buffered, like a slow network peer. */
    private static final class TrickleInputStream extends InputStream {
        private final InputStream in;

        TrickleInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
