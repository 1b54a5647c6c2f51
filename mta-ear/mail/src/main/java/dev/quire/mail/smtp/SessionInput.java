package dev.quire.mail.smtp;

import java.io.BufferedInputStream;
import java.io.InputStream;

/**
 * A session's buffered input that can tell how many bytes it already holds, without asking the socket: reading DATA
 * asks that after every byte, and a socket's {@code available()} is a system call.
 */
final class SessionInput extends BufferedInputStream {

    SessionInput(InputStream in) {
        super(in);
    }

    /**
     * Moves already buffered bytes into {@code b}, up to the first CR or LF (not included) and at most {@code max}:
     * the ordinary octets of a line of DATA in one copy instead of a call per octet. Never reads the socket.
     *
     * @return how many bytes were moved, 0 when the next buffered byte is CR or LF or nothing is buffered
     */
    synchronized int readLineOctets(byte[] b, int off, int max) {
        int end = Math.min(count, pos + max);
        int i = pos;
        while (i < end && buf[i] != '\r' && buf[i] != '\n') {
            i++;
        }
        int n = i - pos;
        System.arraycopy(buf, pos, b, off, n);
        pos = i;
        return n;
    }

    /** The bytes read from the socket and not yet consumed. */
    synchronized int buffered() {
        return count - pos;
    }
}
