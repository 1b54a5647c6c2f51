package dev.quire.mail.smtp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA: every line end becomes CRLF (a bare CR or LF too, so Quire never relays
 * smuggling material), a line starting with "." gets one more, and {@link #finish()} ends the content with CRLF "."
 * CRLF. Does not close the underlying stream.
 */
final class DotStuffingOutputStream extends FilterOutputStream {

    private boolean atLineStart = true;
    private boolean afterCr;

    DotStuffingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            if (!afterCr) {
                out.write('\r');
            }
            out.write('\n');
            afterCr = false;
            atLineStart = true;
            return;
        }
        if (afterCr) {
            out.write('\n');
            afterCr = false;
            atLineStart = true;
        }
        if (b == '\r') {
            out.write('\r');
            afterCr = true;
            return;
        }
        if (atLineStart && b == '.') {
            out.write('.');
        }
        out.write(b);
        atLineStart = false;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    /** Completes the last line and writes the terminator; the stream must not be written afterwards. */
    void finish() throws IOException {
        if (afterCr) {
            out.write('\n');
        } else if (!atLineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write('.');
        out.write('\r');
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
