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
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Waits until Quire can be used: the MTA greets on its SMTP port (a {@code 220} reply, or the {@code 421} that
 * every listener answers in quiescent mode), the lists application answers over HTTP (anything but a 404 or 503,
 * which Payara answers while it still deploys the war), and any file the local tools need exists.
 * SECURITY: reads at most one line or a status line from local ports the launcher itself configured; the text is
 * only compared.
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
     * Polls until every check holds, {@code alive} turns false, or {@code timeout} passes; checks that hold are
     * not asked again.
     */
    public static Outcome await(Duration timeout, BooleanSupplier alive, List<BooleanSupplier> checks)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int next = 0;
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                return Outcome.CHILD_DIED;
            }
            while (next < checks.size() && checks.get(next).getAsBoolean()) {
                next++;
            }
            if (next == checks.size()) {
                return Outcome.READY;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return alive.getAsBoolean() ? Outcome.TIMED_OUT : Outcome.CHILD_DIED;
    }

    /** True once {@code http://host:port/path} answers with a status other than 404 and 503. */
    static boolean answersHttp(String host, int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            if (status == null || !status.startsWith("HTTP/1.") || status.length() < 12) {
                return false;
            }
            String code = status.substring(9, 12);
            return !code.equals("404") && !code.equals("503");
        } catch (IOException e) {
            return false;
        }
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
