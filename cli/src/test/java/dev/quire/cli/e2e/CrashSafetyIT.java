package dev.quire.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.db.TestDatabase;

/**
 * Nothing acknowledged is lost: a stream of messages is sent, the server process is killed with SIGKILL in
 * the middle of it, and after a restart every message that got 250 is delivered (at least once).
 */
class CrashSafetyIT {
    private static final Pattern MESSAGE_ID = Pattern.compile("Message-ID: <crash-(\\d+)@example\\.test>");

    @TempDir
    Path work;

    private TestDatabase db;
    private Path config;
    private Path data;
    private int smtpPort;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create();
        data = work.resolve("var");
        smtpPort = FreePorts.next();
        config = work.resolve("quire.properties");
        Files.writeString(config, String.join("\n", "quire.data.dir=" + data, "quire.db.url=" + db.url(),
                "quire.db.user=" + TestDatabase.user(), "quire.db.password=" + TestDatabase.password(),
                "quire.hostname=mx.quire.test", "quire.smtp.port=" + smtpPort,
                "quire.submission.port=-1", "quire.smtps.port=-1",
                "quire.internal.port=" + FreePorts.next(), "quire.lmtp.port=" + FreePorts.next(),
                "quire.http.port=" + FreePorts.next(), ""));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyAcknowledgedMessageIsDeliveredAfterAKill9() throws Exception {
        Path out = work.resolve("run.out");
        List<String> acks = new CopyOnWriteArrayList<>();
        try (QuireProcess quire = QuireProcess.start(work, out, "--demo", "--config", config.toString())) {
            Process stream = new ProcessBuilder("python3", script("stream.py").toString(), String.valueOf(smtpPort),
                    "400").redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        acks.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the stream ends with the process
                }
            });
            reader.start();
            Poll.until("60 acknowledged messages", Duration.ofSeconds(120), () -> acked(acks).size() >= 60);
            ProcessHandle payara = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("payara-micro.jar")
                            && p.info().commandLine().orElse("").contains(data.toString()))
                    .findFirst().orElseThrow();
            payara.destroyForcibly();
            payara.onExit().get();
            stream.waitFor();
            reader.join(10_000);
        }
        Set<Integer> acknowledged = acked(acks);
        assertTrue(acknowledged.size() >= 60 && acknowledged.size() < 400, "killed mid-stream: " + acknowledged.size());

        try (QuireProcess quire = QuireProcess.start(work, out, "--config", config.toString())) {
            Poll.until("every acknowledged message in bob's Maildir and an empty queue", Duration.ofSeconds(120),
                    () -> delivered().containsAll(acknowledged) && spoolEmpty());
        } catch (AssertionError e) {
            Set<Integer> missing = new TreeSet<>(acknowledged);
            missing.removeAll(delivered());
            throw new AssertionError(e.getMessage() + "; missing: " + missing + "\n" + QuireProcess.logOf(data), e);
        }
        assertEquals(0, count("corrupt"), "no queue file was damaged");
    }

    private static Set<Integer> acked(List<String> lines) {
        Set<Integer> n = new TreeSet<>();
        lines.stream().filter(l -> l.startsWith("ACK ")).forEach(l -> n.add(Integer.parseInt(l.split(" ")[1])));
        return n;
    }

    private Set<Integer> delivered() throws Exception {
        Path dir = data.resolve("mail/example.test/bob/new");
        Set<Integer> n = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return n;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.toList());
        }
        for (Path f : files) {
            Matcher m = MESSAGE_ID.matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                n.add(Integer.parseInt(m.group(1)));
            }
        }
        return n;
    }

    private long count(String queue) throws Exception {
        Path dir = data.resolve("spool").resolve(queue);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private boolean spoolEmpty() throws Exception {
        for (String q : List.of("incoming", "active", "deferred", "slow", "hold", "messages")) {
            if (count(q) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Path script(String name) throws Exception {
        return Path.of(CrashSafetyIT.class.getResource("/e2e/" + name).toURI());
    }
}
