package dev.quire.mta.smtpd;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the Received header fields of a message as it streams past (RFC 5321 section 6.3: a message with
 * too many is in a loop). Only the header section is looked at; the body passes untouched.
 */
final class HopCounter extends FilterInputStream {
    private static final byte[] RECEIVED = "received:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private int hops;
    private boolean inHeader = true;
    private int lineLength;
    private boolean matching = true;

    HopCounter(InputStream in) {
        super(in);
    }

    int hops() {
        return hops;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && inHeader) {
            see(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n && inHeader; i++) {
            see(buf[off + i] & 0xFF);
        }
        return n;
    }

    /** One octet of the header section: an empty line ends it; a line starting "Received:" counts. */
    private void see(int b) {
        if (b == '\r') {
            return;
        }
        if (b == '\n') {
            inHeader = lineLength > 0;
            lineLength = 0;
            matching = true;
            return;
        }
        if (matching && lineLength < RECEIVED.length) {
            matching = Character.toLowerCase(b) == RECEIVED[lineLength];
            if (matching && lineLength == RECEIVED.length - 1) {
                hops++;
            }
        }
        lineLength++;
    }
}
