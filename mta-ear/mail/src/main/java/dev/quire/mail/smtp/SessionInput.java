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

    /** The bytes read from the socket and not yet consumed. */
    synchronized int buffered() {
        return count - pos;
    }
}
