package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.quire.mail.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the command parser: each input is a whole client transcript sent to a real session over loopback. The session
 * thread must never die with an exception, and every line the server writes must be a well-formed reply. Plain builds
 * replay the seeds in {@code SessionFuzzTestInputs/session} (pipelining, smuggling, AUTH, BDAT, SMTPUTF8, DSN).
 */
class SessionFuzzTest {

    private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-9][0-9]([ -][^\r\n]*)?");
    private static final Queue<Throwable> CRASHES = new ConcurrentLinkedQueue<>();
    private static final ThreadFactory WATCHED = task -> {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                CRASHES.add(t);
            }
        }, "fuzz-session");
        thread.setDaemon(true);
        return thread;
    };
    private static SmtpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new SmtpServer(SmtpServerConfig.builder().hostname("fuzz.example").maxMessageSize(4096)
                .maxConnectionsPerClient(10_000).idleTimeout(Duration.ofSeconds(5))
                .authenticator((user, password, client) -> user.equals("u")
                        ? new AuthResult.Success("u")
                        : new AuthResult.Failure())
                .allowAuthWithoutTls(true).authFailureDelay(Duration.ZERO).maxAuthFailures(Integer.MAX_VALUE)
                .build(), ctx -> new DiscardingHandler(), WATCHED);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "5m")
    void session(byte[] input) throws Exception {
        int port = server.port();
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(
                (host, to) -> to == port && (host.equals("127.0.0.1") || host.equals("localhost")))) {
            exchange(input, port);
        }
    }

    private static void exchange(byte[] input, int port) throws Exception {
        byte[] output;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(input);
                    out.flush();
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // the server may close first (too many errors, QUIT); what it wrote is still checked
                }
            });
            output = readAll(socket.getInputStream());
            writer.join();
        }
        awaitSessionsFinished();
        if (!CRASHES.isEmpty()) {
            fail("session thread died", CRASHES.poll());
        }
        checkReplies(new String(output, StandardCharsets.ISO_8859_1));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException e) {
            return new byte[0]; // reset after the server's last reply: nothing more to check
        }
    }

    private static void checkReplies(String output) {
        if (output.isEmpty()) {
            return;
        }
        assertTrue(output.endsWith("\r\n"), "output must end with CRLF: " + output);
        List<String> lines = List.of(output.substring(0, output.length() - 2).split("\r\n", -1));
        for (String line : lines) {
            assertTrue(REPLY_LINE.matcher(line).matches(), "malformed reply line: " + line);
        }
        String last = lines.get(lines.size() - 1);
        assertTrue(last.length() == 3 || last.charAt(3) == ' ', "unterminated multi-line reply: " + last);
    }

    private static void awaitSessionsFinished() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.sessionCount() > 0) { // session threads are pooled: count sessions, not threads
            if (System.nanoTime() > deadline) {
                fail("session thread did not end");
            }
            Thread.sleep(1);
        }
    }

    /** Reads every message to the end and accepts it, one reply per recipient for LMTP's sake. */
    private static final class DiscardingHandler implements MessageHandler {
        private int recipients;

        @Override
        public Reply from(EmailAddress reversePath, Map<String, String> params) {
            return Reply.ok("2.1.0", "Ok");
        }

        @Override
        public Reply recipient(EmailAddress recipient, Map<String, String> params) {
            recipients++;
            return Reply.ok("2.1.5", "Ok");
        }

        @Override
        public List<Reply> data(InputStream message) throws IOException {
            message.readAllBytes();
            return Collections.nCopies(Math.max(1, recipients), Reply.ok("2.0.0", "queued"));
        }
    }
}
