package dev.quire.cli.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's spamd or clamd in the foreground on a free loopback port, configured in a private directory: spamd with
 * the shipped rules, local tests only, plus one site rule that scores a test token at 5; clamd with one local
 * signature for the EICAR test string (no signature downloads here).
 */
final class ScanDaemon implements AutoCloseable {
    /** The EICAR test file, assembled here so that no source file is itself a virus test file. */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    /** A word the site rule scores 5.0: above the header threshold, below the rejection threshold. */
    static final String SUSPECT_TOKEN = "quire-e2e-suspect-token";

    final int port;
    private final Process process;

    private ScanDaemon(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/spamd")) && Files.isExecutable(Path.of("/usr/sbin/clamd"));
    }

    static ScanDaemon spamd(Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        try (Stream<Path> pre = Files.list(Path.of("/etc/spamassassin"))) {
            for (Path p : pre.filter(p -> p.toString().endsWith(".pre")).toList()) {
                Files.copy(p, site.resolve(p.getFileName()));
            }
        }
        Files.writeString(site.resolve("local.cf"), "use_bayes 0\nbayes_auto_learn 0\nskip_rbl_checks 1\n"
                + "body QUIRE_E2E_SUSPECT /" + SUSPECT_TOKEN + "/\nscore QUIRE_E2E_SUSPECT 5.0\n");
        readableByAll(dir);
        int port = FreePorts.next();
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/spamd", "--listen=127.0.0.1:" + port,
                "--allowed-ips=127.0.0.1", "--max-children=1", "-x", "-L", "-s", "stderr",
                "--siteconfigpath=" + site, "--nouser-config"));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody"));
        }
        return start(cmd, dir, port);
    }

    static ScanDaemon clamd(Path dir) throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("quire-e2e.ndb"), "Quire.E2E.EICAR:0:*:"
                + HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII)) + "\n");
        int port = FreePorts.next();
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, String.join("\n", "Foreground yes", "TCPSocket " + port, "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + db, "LogFile " + dir.resolve("clamd.log"), "StreamMaxLength 25M", ""));
        readableByAll(dir);
        return start(List.of("/usr/sbin/clamd", "--config-file=" + conf), dir, port);
    }

    private static ScanDaemon start(List<String> cmd, Path dir, int port) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile())
                .start();
        ScanDaemon d = new ScanDaemon(port, p);
        try {
            Poll.until(cmd.get(0) + " to listen", Duration.ofSeconds(60), () -> {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException e) {
                    return !p.isAlive();
                }
            });
            if (!p.isAlive()) {
                throw new IOException(cmd.get(0) + " exited: " + Files.readString(dir.resolve("out.log")));
            }
        } catch (Exception e) {
            d.close();
            throw e;
        }
        return d;
    }

    private static void readableByAll(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p,
                        PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroy);
    }
}
