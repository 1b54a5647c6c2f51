package dev.quire.mta.scan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One TCP exchange with a scanner daemon, bounded in time and size: a connect timeout, a read timeout for each
 * read, and a deadline for the whole exchange after which the socket is closed (so a daemon that stops reading or
 * drips its reply cannot hold a DATA phase). Reads are bounded in length; nothing here trusts the peer.
 */
final class ScannerConnection implements Closeable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quire-scan-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ScheduledFuture<?> deadline;
    private volatile boolean expired;

    ScannerConnection(String host, int port, Duration connectTimeout, Duration readTimeout) throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), millis(connectTimeout));
            socket.setSoTimeout(millis(readTimeout));
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream(), 65536);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        // The whole exchange may take the read timeout twice: once to send, once for the daemon to answer.
        deadline = WATCHDOG.schedule(this::expire, 2 * readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private void expire() {
        expired = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all the watchdog does; the reader sees the failure
        }
    }

    OutputStream out() {
        return out;
    }

    /** Signals the end of the request to daemons that read until end of input. */
    void shutdownOutput() throws IOException {
        out.flush();
        socket.shutdownOutput();
    }

    /** Reads up to and excluding {@code terminator}, or to end of input; fails past {@code max} bytes. */
    String readUntil(int terminator, int max) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = read()) != -1 && b != terminator) {
            if (buf.size() >= max) {
                throw new IOException("scanner reply line longer than " + max + " bytes");
            }
            buf.write(b);
        }
        if (b == -1 && buf.size() == 0) {
            return null;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads a LF- or CRLF-terminated line, or null at end of input. */
    String readLine(int max) throws IOException {
        String line = readUntil('\n', max);
        return line != null && line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Reads at most {@code max} bytes (fewer at end of input); whatever the peer sends beyond is left unread. */
    byte[] readAtMost(long max) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (buf.size() < max) {
            int n = readChunk(chunk, (int) Math.min(chunk.length, max - buf.size()));
            if (n == -1) {
                break;
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    private int read() throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw expired ? new SocketTimeoutException("scanner exchange exceeded its deadline") : e;
        }
    }

    private int readChunk(byte[] b, int len) throws IOException {
        try {
            return in.read(b, 0, len);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw expired ? new SocketTimeoutException("scanner exchange exceeded its deadline") : e;
        }
    }

    @Override
    public void close() throws IOException {
        deadline.cancel(false);
        socket.close();
    }
}
