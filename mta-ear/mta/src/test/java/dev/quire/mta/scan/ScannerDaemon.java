package dev.quire.mta.scan;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real spamd or clamd from the Debian packages, started in the foreground on a free loopback port with its
 * configuration in a private directory, and stopped (with its children) on close. The tests start one per class.
 */
final class ScannerDaemon implements AutoCloseable {
    /** The EICAR test file, assembled here so that no source file is itself a virus test file. */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final String SIGNATURE = "Quire.Test.EICAR";

    final int port;
    final Path dir;
    final Duration startup;
    private final Process process;

    private ScannerDaemon(int port, Path dir, Duration startup, Process process) {
        this.port = port;
        this.dir = dir;
        this.startup = startup;
        this.process = process;
    }

    static Path binary(String name) {
        for (String d : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * spamd with the rules shipped in /usr/share/spamassassin (no sa-update here), local tests only (-L), no
     * Bayes and no user configuration; the site configuration is the package's .pre files, which load the
     * plugins every scan needs.
     */
    static ScannerDaemon spamd() throws IOException, InterruptedException {
        Path dir = privateDir("quire-spamd");
        Path site = Files.createDirectory(dir.resolve("site"));
        try (Stream<Path> pre = Files.list(Path.of("/etc/spamassassin"))) {
            for (Path p : pre.filter(p -> p.toString().endsWith(".pre")).toList()) {
                Files.copy(p, site.resolve(p.getFileName()));
            }
        }
        Files.writeString(site.resolve("local.cf"), "use_bayes 0\nbayes_auto_learn 0\nskip_rbl_checks 1\n");
        readableByAll(site);
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(binary("spamd").toString(), "--listen=127.0.0.1:" + port,
                "--allowed-ips=127.0.0.1", "--max-children=1", "-x", "-L", "-s", "stderr",
                "--siteconfigpath=" + site, "--nouser-config"));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody"));
        }
        SpamdClient client = new SpamdClient("127.0.0.1", port, Duration.ofSeconds(1), Duration.ofSeconds(5),
                SpamdClient.Command.REPORT);
        return start(cmd, dir, port, client::ping);
    }

    /** clamd with one local signature, an .ndb body signature of the EICAR string for any file type. */
    static ScannerDaemon clamd(String streamMaxLength) throws IOException, InterruptedException {
        Path dir = privateDir("quire-clamd");
        Path db = Files.createDirectory(dir.resolve("db"));
        Files.writeString(db.resolve("quire-test.ndb"), SIGNATURE + ":0:*:"
                + HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII)) + "\n");
        int port = freePort();
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, String.join("\n", "Foreground yes", "TCPSocket " + port, "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + db, "LogFile " + dir.resolve("clamd.log"), "LogTime yes",
                "StreamMaxLength " + streamMaxLength, "") + "");
        readableByAll(dir);
        ClamdClient client = new ClamdClient("127.0.0.1", port, Duration.ofSeconds(1), Duration.ofSeconds(5), 1024);
        return start(List.of(binary("clamd").toString(), "--config-file=" + conf), dir, port, client::ping);
    }

    private static ScannerDaemon start(List<String> cmd, Path dir, int port, BooleanSupplier ready)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile())
                .start();
        ScannerDaemon d = null;
        try {
            for (int i = 0; i < 600 && p.isAlive(); i++) {
                if (ready.getAsBoolean()) {
                    d = new ScannerDaemon(port, dir, Duration.ofNanos(System.nanoTime() - t0), p);
                    System.out.println(cmd.get(0) + " ready in " + d.startup.toMillis() + " ms");
                    return d;
                }
                Thread.sleep(100);
            }
            throw new IOException(cmd.get(0) + " did not come up: " + Files.readString(dir.resolve("out.log")));
        } finally {
            if (d == null) {
                stop(p);
                delete(dir);
            }
        }
    }

    /** A directory the daemon can read even after dropping root (spamd -u nobody). */
    private static Path privateDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static void readableByAll(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p,
                        PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroy);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop(process);
        delete(dir);
    }
}
