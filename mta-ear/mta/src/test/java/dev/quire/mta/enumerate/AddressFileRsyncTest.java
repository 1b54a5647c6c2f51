package dev.quire.mta.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relays' side of scenario 1: a real {@code rsync --daemon} on loopback, configured from the shipped
 * {@code docs/rsyncd.conf.example} (paths and the allowed host changed for the test), and a real rsync client
 * fetching the file Quire wrote.
 */
class AddressFileRsyncTest {
    @TempDir
    Path dir;

    private Path served;
    private Process daemon;
    private int port;

    @BeforeEach
    void startDaemon() throws Exception {
        served = Files.createDirectories(dir.resolve("addresses"));
        String example = Files.readString(Path.of("../../docs/rsyncd.conf.example"));
        String user = System.getProperty("user.name");
        String config = example.replace("uid = quire", "uid = " + user).replace("gid = quire", "gid = " + user)
                .replace("/run/rsyncd.pid", dir.resolve("rsyncd.pid").toString())
                .replace("/var/log/rsyncd.log", dir.resolve("rsyncd.log").toString())
                .replace("/var/lib/quire/addresses", served.toString())
                .replace("hosts allow = 192.0.2.25 192.0.2.26", "hosts allow = 127.0.0.1")
                + "\n[elsewhere]\n    path = " + served + "\n    read only = yes\n    hosts allow = 192.0.2.25\n"
                + "    hosts deny = *\n";
        Path conf = Files.writeString(dir.resolve("rsyncd.conf"), config);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        daemon = new ProcessBuilder("rsync", "--daemon", "--no-detach", "--config=" + conf, "--address=127.0.0.1",
                "--port=" + port).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("rsync daemon did not start: " + Files.readString(dir.resolve("daemon.out")));
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.destroy();
        daemon.waitFor(10, TimeUnit.SECONDS);
    }

    private static String render(String... addresses) {
        return AddressFormat.POSTFIX.render(new TreeSet<>(List.of(addresses)), '+');
    }

    private int rsync(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("rsync", "-t"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("client.out").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private String url(String module, String file) {
        return "rsync://127.0.0.1:" + port + "/" + module + "/" + file;
    }

    @Test
    void aRelayFetchesTheFileAndItsChecksumMatches() throws Exception {
        String content = render("rt@inf.example.ac.uk", "jdoe@inf.example.ac.uk", "staff-bounces@lists.example.ac.uk");
        assertTrue(AddressFile.write(served, "relay_recipients", content));
        Path relay = Files.createDirectories(dir.resolve("relay"));

        assertEquals(0, rsync(url("quire-addresses", "relay_recipients"), url("quire-addresses",
                "relay_recipients.sha256"), relay + "/"), Files.readString(dir.resolve("client.out")));

        String fetched = Files.readString(relay.resolve("relay_recipients"));
        assertEquals(content, fetched);
        assertEquals(List.of("# Every address Quire accepts mail for. Generated: edit Quire's tables, not this file.",
                "# recipient_delimiter + : user+detail@domain is valid when user@domain is listed (list VERP"
                        + " name-bounces+...@ and confirmations name-confirm+...@).",
                "jdoe@inf.example.ac.uk OK", "rt@inf.example.ac.uk OK", "staff-bounces@lists.example.ac.uk OK"),
                fetched.lines().toList(), "sorted, Postfix's map form, the delimiter said first");
        String sum = Files.readString(relay.resolve("relay_recipients.sha256"));
        assertEquals(AddressFile.sha256(fetched.getBytes(StandardCharsets.UTF_8)) + "  relay_recipients\n", sum);
        Process check = new ProcessBuilder("sha256sum", "-c", "relay_recipients.sha256").directory(relay.toFile())
                .start();
        assertEquals(0, check.waitFor(), "sha256sum -c accepts the checksum file");
    }

    @Test
    void anUnchangedFileIsLeftAloneAndAChangedOneIsReplacedWhole() throws Exception {
        Path file = served.resolve("addresses");
        assertTrue(AddressFile.write(served, "addresses", AddressFormat.PLAIN.render(List.of("a@x.test"), '+')));
        FileTime first = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, first);
        assertFalse(AddressFile.write(served, "addresses", AddressFormat.PLAIN.render(List.of("a@x.test"), '+')));
        assertEquals(first, Files.getLastModifiedTime(file), "same content: not rewritten, rsync sends nothing");

        assertTrue(AddressFile.write(served, "addresses",
                AddressFormat.PLAIN.render(List.of("a@x.test", "b@x.test"), '+')));
        assertNotEquals(first, Files.getLastModifiedTime(file));
        Path relay = Files.createDirectories(dir.resolve("relay"));
        assertEquals(0, rsync(url("quire-addresses", "addresses"), relay + "/"));
        assertEquals(List.of("a@x.test", "b@x.test"),
                Files.readAllLines(relay.resolve("addresses")).stream().filter(l -> !l.startsWith("#")).toList());
        try (var files = Files.list(served)) {
            assertEquals(List.of("addresses", "addresses.sha256"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void theModuleIsReadOnlyAndOnlyAllowedHostsGetIt() throws Exception {
        AddressFile.write(served, "addresses", AddressFormat.PLAIN.render(List.of("a@x.test"), '+'));
        Path evil = Files.writeString(Files.createDirectories(dir.resolve("upload")).resolve("addresses"),
                "everyone@x.test\n");
        assertNotEquals(0, rsync(evil.toString(), url("quire-addresses", "addresses")), "uploads are refused");
        assertTrue(Files.readString(served.resolve("addresses")).contains("a@x.test"));

        Path relay = Files.createDirectories(dir.resolve("relay"));
        assertNotEquals(0, rsync(url("elsewhere", "addresses"), relay + "/"));
        assertTrue(Files.readString(dir.resolve("client.out")).contains("access denied"),
                Files.readString(dir.resolve("client.out")));
    }
}
