package dev.quire.mail.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a BDAT transaction (RFC 3030), collected chunk by chunk: in memory up to 1 MiB, then in a temp file
 * deleted by {@link #close()}. It checks line ends across chunk boundaries with the same rule as DATA (a bare CR or LF
 * rejects the message with {@code 550 5.6.0}; a line over 1000 octets with {@code 554 5.6.0}), so a message cannot
 * change meaning with how it was transmitted. Past the size limit nothing more is stored.
 */
final class ChunkedMessage implements AutoCloseable {

    static final int MEMORY_LIMIT = 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(ChunkedMessage.class.getName());

    private final long maxSize;
    private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path spill;
    private OutputStream spillOut;
    private long size;
    private boolean afterCr;
    private int lineLength;
    private Reply violation;

    ChunkedMessage(long maxSize) {
        this.maxSize = maxSize;
    }

    /** Copies exactly {@code count} octets from the session input; returns false if that exceeded the size limit. */
    boolean append(InputStream in, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a BDAT chunk");
            }
            left -= n;
            if (size + n > maxSize) {
                size = maxSize + 1;
                continue; // keep consuming the chunk so that the session stays in step
            }
            size += n;
            scan(buffer, n);
            store(buffer, n);
        }
        return size <= maxSize;
    }

    /** Reads and drops exactly {@code count} octets of a chunk that will not be used. */
    static void discard(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a BDAT chunk");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** The first line-end or line-length rule the content broke, given that it ends here; or null. */
    Reply finish() {
        if (afterCr) {
            flag(DotTerminatedInputStream.BARE_LINE_END);
        }
        return violation;
    }

    /** The whole content, with CRLF appended if it does not end with a line end (as DATA would have it). */
    InputStream open() throws IOException {
        if (spillOut != null) {
            spillOut.close();
            spillOut = null;
        }
        InputStream content = spill != null
                ? Files.newInputStream(spill)
                : new ByteArrayInputStream(memory.toByteArray());
        return size == 0 || lineLength == 0
                ? content
                : new SequenceInputStream(content, new ByteArrayInputStream(new byte[]{'\r', '\n'}));
    }

    /** Deletes the spill file, if any. */
    @Override
    public void close() {
        try {
            if (spillOut != null) {
                spillOut.close();
            }
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete BDAT spill file {0}: {1}", spill, e.toString());
        }
    }

    private void scan(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (afterCr && b != '\n') {
                flag(DotTerminatedInputStream.BARE_LINE_END);
            }
            if (b == '\n' && !afterCr) {
                flag(DotTerminatedInputStream.BARE_LINE_END);
            }
            if (++lineLength > DotTerminatedInputStream.MAX_LINE_LENGTH) {
                flag(DotTerminatedInputStream.LINE_TOO_LONG);
            }
            if (b == '\n') {
                lineLength = 0;
            }
            afterCr = b == '\r';
        }
    }

    private void store(byte[] bytes, int n) throws IOException {
        if (spillOut == null && memory.size() + n > MEMORY_LIMIT) {
            spill = Files.createTempFile("quire-bdat-", ".eml");
            spillOut = Files.newOutputStream(spill);
            memory.writeTo(spillOut);
            memory.reset();
        }
        if (spillOut != null) {
            spillOut.write(bytes, 0, n);
        } else {
            memory.write(bytes, 0, n);
        }
    }

    private void flag(Reply reply) {
        if (violation == null) {
            violation = reply;
        }
    }
}
