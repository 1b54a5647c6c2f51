package dev.quire.mta.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of ClamAV's clamd over TCP: {@code zINSTREAM}, the message in chunks each preceded by its length as a
 * 4-byte big-endian integer, a zero-length chunk to end, and one NUL-terminated reply ({@code stream: OK},
 * {@code stream: <name> FOUND} or {@code ... ERROR}). At most {@code streamMaxLength} octets are sent, so
 * configure it to clamd's own {@code StreamMaxLength}: a longer message is scanned over its first
 * {@code streamMaxLength} octets (as clamav-milter skips what exceeds its limit). A clamd whose limit is lower
 * still answers {@code INSTREAM size limit exceeded}, which is an error like any other: an {@link IOException}.
 */
public final class ClamdClient {
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 1024;
    private static final Pattern FOUND = Pattern.compile("stream: ([\\x21-\\x7e]{1,200}) FOUND");

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long streamMaxLength;

    public ClamdClient(String host, int port, Duration connectTimeout, Duration readTimeout, long streamMaxLength) {
        if (streamMaxLength < 1) {
            throw new IllegalArgumentException("streamMaxLength must be positive");
        }
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.streamMaxLength = streamMaxLength;
    }

    /** Scans (at most the first {@code streamMaxLength} octets of) the message in {@code message}. */
    public VirusResult scan(Path message) throws IOException {
        try (ScannerConnection c = new ScannerConnection(host, port, connectTimeout, readTimeout);
                InputStream in = Files.newInputStream(message)) {
            OutputStream out = c.out();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            long left = streamMaxLength;
            while (left > 0) {
                int n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
                if (n == 0) {
                    break;
                }
                writeLength(out, n);
                out.write(chunk, 0, n);
                left -= n;
            }
            writeLength(out, 0);
            out.flush();
            return parse(c.readUntil(0, MAX_REPLY));
        }
    }

    /** Whether clamd answers {@code zPING}; for readiness checks. */
    public boolean ping() {
        try (ScannerConnection c = new ScannerConnection(host, port, connectTimeout, readTimeout)) {
            c.out().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            c.out().flush();
            return "PONG".equals(c.readUntil(0, MAX_REPLY));
        } catch (IOException e) {
            return false;
        }
    }

    static VirusResult parse(String reply) throws IOException {
        if (reply == null) {
            throw new IOException("clamd closed the connection without a reply");
        }
        String r = reply.strip();
        if (r.equals("stream: OK")) {
            return VirusResult.CLEAN;
        }
        Matcher m = FOUND.matcher(r);
        if (m.matches()) {
            return new VirusResult(true, m.group(1));
        }
        throw new IOException("clamd failed: " + SpamdClient.printable(r.length() > 200 ? r.substring(0, 200) : r));
    }

    private static void writeLength(OutputStream out, int n) throws IOException {
        out.write(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }

    @Override
    public String toString() {
        return "clamd " + host + ":" + port;
    }
}
