package dev.quire.mail.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The DATA section of a session as a stream: ends only at CRLF "." CRLF (or "." CRLF as the first line), undoes
 * dot-stuffing, and leaves the session's stream positioned just after the terminator.
 * <p>
 * A bare CR or LF is never a line end, so a client cannot smuggle a second message past a server that disagrees
 * about where data ends (CVE-2023-51764 and relatives). Rule breaks (bare CR or LF, a line over 1000 octets, more than
 * the size limit) do not stop the reading: the stream consumes up to the real terminator, then its final read throws
 * {@link DataRejectedException} with the first rule broken. Past the size limit no more bytes are returned.
 */
final class DotTerminatedInputStream extends InputStream {

    static final Reply BARE_LINE_END = new Reply(550, "5.6.0",
            "Message contains bare CR or LF; only CRLF line ends are accepted");
    static final Reply LINE_TOO_LONG = new Reply(554, "5.6.0", "Line too long");
    static final Reply TOO_BIG = new Reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
    /** RFC 5321 section 4.5.3.1.6, CRLF included. */
    static final int MAX_LINE_LENGTH = 1000;

    private static final int LINE_START = 0;
    private static final int IN_LINE = 1;
    private static final int AFTER_CR = 2;
    private static final int AFTER_DOT = 3;
    private static final int AFTER_DOT_CR = 4;

    private final InputStream in;
    private final long maxSize;
    private final byte[] pending = new byte[2];
    private int pendingStart;
    private int pendingEnd;
    private int state = LINE_START;
    private int lineLength;
    private long size;
    private boolean oversize;
    private boolean ended;
    private Reply violation;
    private IOException failure;

    /**
     * @param in the session input, positioned just after the 354 reply
     * @param maxSize octets of message content accepted before {@link #TOO_BIG}
     */
    DotTerminatedInputStream(InputStream in, long maxSize) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxSize = maxSize;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pendingStart < pendingEnd) {
                b[off + n++] = pending[pendingStart++];
                continue;
            }
            if (ended || (n > 0 && ready() == 0)) {
                break;
            }
            if (state == IN_LINE && !oversize && in instanceof SessionInput s) {
                // inside a line every octet but CR and LF is copied as it is: take the buffered run in one go
                int run = s.readLineOctets(b, off + n, (int) Math.min(len - n, maxSize - size));
                if (run > 0) {
                    n += run;
                    size += run;
                    lineLength += run;
                    if (lineLength > MAX_LINE_LENGTH) {
                        flag(LINE_TOO_LONG);
                    }
                    continue;
                }
            }
            step(next());
        }
        if (n > 0) {
            return n;
        }
        if (violation != null) {
            throw new DataRejectedException(violation);
        }
        return -1;
    }

    /** What can be read without blocking: the session's own buffer when it has one (no system call per byte). */
    private int ready() throws IOException {
        return in instanceof SessionInput s ? s.buffered() : in.available();
    }

    @Override
    public int available() throws IOException {
        return pendingEnd - pendingStart;
    }

    /** Reads and discards up to the terminator, whatever the handler left unread. */
    void drain() throws IOException {
        while (!ended) {
            pendingStart = 0;
            pendingEnd = 0;
            step(next());
        }
        pendingStart = 0;
        pendingEnd = 0;
    }

    /** True once CRLF "." CRLF was consumed. */
    boolean isEnded() {
        return ended;
    }

    /** The first rule the data broke, or null. */
    Reply violation() {
        return violation;
    }

    /** The I/O error of the session input (connection lost, timeout), or null. */
    IOException failure() {
        return failure;
    }

    private int next() throws IOException {
        if (failure != null) {
            throw failure;
        }
        int c;
        try {
            c = in.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (c < 0) {
            failure = new EOFException("connection closed before the end of DATA");
            throw failure;
        }
        return c;
    }

    private void step(int c) {
        pendingStart = 0;
        pendingEnd = 0;
        if (++lineLength > MAX_LINE_LENGTH) {
            flag(LINE_TOO_LONG);
        }
        switch (state) {
            case LINE_START -> {
                if (c == '.') {
                    state = AFTER_DOT;
                } else {
                    inLine(c);
                }
            }
            case IN_LINE -> inLine(c);
            case AFTER_CR -> afterCr(c);
            case AFTER_DOT -> inLine(c); // the stuffing dot is dropped
            case AFTER_DOT_CR -> {
                if (c == '\n') {
                    ended = true;
                } else {
                    afterCr(c);
                }
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    private void inLine(int c) {
        if (c == '\r') {
            state = state == AFTER_DOT ? AFTER_DOT_CR : AFTER_CR;
            return;
        }
        if (c == '\n') {
            flag(BARE_LINE_END);
        }
        emit(c);
        state = IN_LINE;
    }

    /** The byte after a CR that was not yet emitted. */
    private void afterCr(int c) {
        emit('\r');
        if (c == '\n') {
            emit('\n');
            state = LINE_START;
            lineLength = 0;
            return;
        }
        flag(BARE_LINE_END);
        if (c == '\r') {
            state = AFTER_CR;
        } else {
            emit(c);
            state = IN_LINE;
        }
    }

    private void emit(int c) {
        if (oversize) {
            return;
        }
        if (++size > maxSize) {
            oversize = true;
            flag(TOO_BIG);
            return;
        }
        pending[pendingEnd++] = (byte) c;
    }

    private void flag(Reply reply) {
        if (violation == null) {
            violation = reply;
        }
    }
}
