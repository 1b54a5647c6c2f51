package dev.quire.mta.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postfix's smtp-sink with {@code -c}: it accepts every message and keeps the counters a user reads, the
 * sessions that ended ({@code sess}) and the messages received ({@code mesg}); with {@code -d} it also dumps each
 * transaction with its envelope ({@code X-Mail-Args}, {@code X-Rcpt-Args}).
 */
final class CountingSink implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/smtp-sink");
    private static final Pattern COUNTERS = Pattern.compile("sess=(\\d+) quit=(\\d+) mesg=(\\d+)");

    private final Path dir;
    private final int port;
    private final Process process;

    private CountingSink(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts a sink on the port, dumping into {@code dir/dump}. */
    static CountingSink start(Path dir, int port) throws Exception {
        Path dump = Files.createDirectories(dir.resolve("dump"));
        // run as root, smtp-sink drops to the postfix user: it must reach and write the dump directory
        Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dump, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "postfix"));
        }
        cmd.addAll(List.of("-c", "-d", dump + "/%Y%m%d%H%M%S.", "127.0.0.1:" + port, "100"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("counters-" + port).toFile()).start();
        for (int i = 0; i < 100; i++) {
            try {
                new Socket("127.0.0.1", port).close();
            } catch (IOException e) {
                Thread.sleep(100);
                continue;
            }
            // listening; this probe is a session too (counted once it ended), left out of what sessions() reports
            return new CountingSink(dir, port, p).awaitSessions(1).withProbe();
        }
        p.destroy();
        throw new IOException("smtp-sink did not start");
    }

    private int probes;

    private CountingSink withProbe() {
        probes = 1;
        return this;
    }

    int port() {
        return port;
    }

    /** The sessions that ended, not counting the start-up probe. */
    int sessions() throws IOException {
        return counters()[0] - probes;
    }

    /** The messages received. */
    int messages() throws IOException {
        return counters()[2];
    }

    /** The dumped transactions, oldest first. */
    List<String> dumps() throws IOException {
        try (var files = Files.list(dir.resolve("dump"))) {
            List<String> out = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.ISO_8859_1));
            }
            return out;
        }
    }

    /** Waits (up to 20 s) until this many sessions ended, counting the probe. */
    CountingSink awaitSessions(int n) throws Exception {
        for (int i = 0; i < 200 && counters()[0] < n; i++) {
            Thread.sleep(100);
        }
        return this;
    }

    private int[] counters() throws IOException {
        String out = Files.readString(dir.resolve("counters-" + port), StandardCharsets.ISO_8859_1);
        Matcher m = COUNTERS.matcher(out);
        int[] last = {0, 0, 0};
        while (m.find()) {
            last = new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        }
        return last;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
