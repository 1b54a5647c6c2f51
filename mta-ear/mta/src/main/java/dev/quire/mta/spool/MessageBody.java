package dev.quire.mta.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a queued message as the delivery agents read them: its file in the spool, or, for a message that is
 * delivered straight after it was accepted (ADR 0043), the copy the journal record was made from.
 */
public interface MessageBody {
    /** A new stream over the whole message; the caller closes it. */
    InputStream open() throws IOException;

    /** The message's size in octets. */
    long size() throws IOException;

    /** A message in a file. */
    static MessageBody of(Path file) {
        return new MessageBody() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }

    /** A message held in memory; the array is not copied and must not change. */
    static MessageBody of(byte[] bytes) {
        return new MessageBody() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public String toString() {
                return "(in memory, " + bytes.length + " octets)";
            }
        };
    }
}
