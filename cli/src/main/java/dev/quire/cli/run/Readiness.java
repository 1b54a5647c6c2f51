package dev.quire.cli.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits until the MTA greets on its SMTP port: connects, reads one line and is satisfied by a {@code 220} reply,
 * or by the {@code 421} that every listener answers in quiescent mode.
 * SECURITY: reads at most one line from a local port the launcher itself configured; the text is only compared.
 */
public final class Readiness {

    /** How the wait ended. */
    public enum Outcome {
        READY, CHILD_DIED, TIMED_OUT
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private Readiness() {
    }

    /**
     * Polls {@code host:port} until it greets with 220, {@code alive} turns false, or {@code timeout} passes.
     */
    public static Outcome awaitSmtpBanner(String host, int port, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                return Outcome.CHILD_DIED;
            }
            if (greets(host, port)) {
                return Outcome.READY;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return alive.getAsBoolean() ? Outcome.TIMED_OUT : Outcome.CHILD_DIED;
    }

    /** The address to reach a listener bound to {@code bind}: loopback for a wildcard bind. */
    public static String connectHost(String bind) {
        String host = bind.trim();
        return switch (host) {
            case "", "*", "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> host;
        };
    }

    static boolean greets(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = reader.readLine();
            if (line == null || !(line.startsWith("220") || line.startsWith("421"))) {
                return false;
            }
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
