package dev.quire.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Postfix's smtp-sink as the smarthost: it accepts everything and dumps each transaction (envelope as
 * X-Mail-Args / X-Rcpt-Args lines, then the message) to a file of its own.
 */
final class SmtpSink implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/smtp-sink");

    private final Path dumpDir;
    private final int port;
    private final List<String> options;
    private Process process;

    /** A sink; extra smtp-sink options such as {@code -f RCPT} (refuse every RCPT with a 5xx). */
    SmtpSink(Path dumpDir, int port, String... options) {
        this.dumpDir = dumpDir;
        this.port = port;
        this.options = List.of(options);
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    SmtpSink start() throws Exception {
        Files.createDirectories(dumpDir);
        // run as root, smtp-sink drops to the postfix user: it must reach and write the dump directory
        Files.setPosixFilePermissions(dumpDir.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(dumpDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "postfix"));
        }
        cmd.addAll(options);
        cmd.addAll(List.of("-d", dumpDir + "/%Y%m%d%H%M%S.", "127.0.0.1:" + port, "100"));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dumpDir.resolveSibling("smtp-sink-" + port + ".log").toFile()).start();
        Poll.until("smtp-sink to listen on " + port, Duration.ofSeconds(10), () -> {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    int port() {
        return port;
    }

    /** The dumped transactions, oldest first; fails when the sink died (it stops on a write error). */
    List<String> messages() throws IOException {
        if (process != null && !process.isAlive()) {
            throw new org.opentest4j.AssertionFailedError("smtp-sink exited with " + process.exitValue() + ": "
                    + Files.readString(dumpDir.resolveSibling("smtp-sink-" + port + ".log")));
        }
        try (Stream<Path> files = Files.list(dumpDir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            List<String> out = new ArrayList<>();
            for (Path p : sorted) {
                out.add(Files.readString(p, StandardCharsets.ISO_8859_1));
            }
            return out;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }
}
