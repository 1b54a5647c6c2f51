package dev.quire.mta.bounce;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The part of the original message a notification returns, byte for byte as the spool holds it.
 *
 * @param bytes the whole message, or its header section up to and including the line end of its last field
 * @param ret which of the two it is
 */
record ReturnedContent(byte[] bytes, Ret ret) {

    /** Reads what {@code ret} asks for; for {@link Ret#HDRS} it stops at the blank line. */
    static ReturnedContent read(Path message, Ret ret) throws IOException {
        if (ret == Ret.FULL) {
            return new ReturnedContent(Files.readAllBytes(message), ret);
        }
        ByteArrayOutputStream headers = new ByteArrayOutputStream(4096);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(message))) {
            int lineLength = 0;
            int previous = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n' && (lineLength == 0 || lineLength == 1 && previous == '\r')) {
                    byte[] all = headers.toByteArray();
                    return new ReturnedContent(Arrays.copyOf(all, all.length - lineLength), ret);
                }
                headers.write(b);
                lineLength = b == '\n' ? 0 : lineLength + 1;
                previous = b;
            }
        }
        return new ReturnedContent(headers.toByteArray(), ret);
    }

    /** True if any octet is outside 7-bit ASCII or is NUL, so the part must be declared {@code 8bit}. */
    boolean eightBit() {
        for (byte b : bytes) {
            if (b < 0 || b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The MIME type of the returned part. */
    String contentType() {
        return ret == Ret.FULL ? "message/rfc822" : "text/rfc822-headers";
    }

    /** Whether {@code needle} occurs anywhere in the returned bytes. */
    boolean contains(byte[] needle) {
        outer : for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
