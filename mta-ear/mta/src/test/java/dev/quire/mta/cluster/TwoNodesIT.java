package dev.quire.mta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.quire.db.TestDatabase;

/**
 * Two Payara Micro processes, each running the real mta.war, against one MariaDB database, with the address-file
 * job scheduled every two seconds: over a quarter of a minute each fire time runs exactly once, on one node or the
 * other. Each node's scheduler checks in once its application has finished deploying (no start delay since ADR 0040). Expensive (two application servers on two cores), so it is the only test that starts them.
 */
class TwoNodesIT {
    private static final String DATABASE = "quire_it_mta_nodes";
    private static final Duration OBSERVE = Duration.ofSeconds(60);

    @Test
    void eachFireTimeOfAClusteredJobRunsOnceAcrossTwoNodes() throws Exception {
        try (TestDatabase db = TestDatabase.named(DATABASE)) {
            db.withDemoData();
            List<Process> nodes = new ArrayList<>();
            try {
                nodes.add(start(db, "node1"));
                nodes.add(start(db, "node2"));
                awaitSchedulers(db, 2, Duration.ofSeconds(240));
                Instant from = Instant.now();
                String since = "SELECT fire_time, node, outcome FROM job_run WHERE job = 'address-file'"
                        + " AND fire_time IS NOT NULL AND fire_time >= FROM_UNIXTIME(" + from.getEpochSecond() + ")";
                // at least five fire times (one every 2 s), however slowly a loaded machine gets there
                List<String[]> runs = rows(db, since);
                for (Instant end = from.plus(OBSERVE); runs.size() < 5 && Instant.now().isBefore(end); runs = rows(db,
                        since)) {
                    Thread.sleep(500);
                }
                assertTrue(runs.size() >= 5, "a fire time every 2 s, five within " + OBSERVE + ": " + runs.size());
                assertEquals(runs.size(), runs.stream().map(r -> r[0]).distinct().count(),
                        "no fire time ran on both nodes");
                assertTrue(runs.stream().allMatch(r -> r[2].equals("OK") || r[2].equals("RUNNING")),
                        "every run wrote the file");
                List<String[]> failed = rows(db, "SELECT id, node, message FROM job_run WHERE outcome = 'FAILED'");
                assertEquals(0, failed.size(), "no run failed, not even the first ones right after deployment: "
                        + failed.stream().map(r -> String.join(" ", r)).toList());
            } finally {
                for (Process p : nodes) {
                    p.destroy();
                }
                for (Process p : nodes) {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }
        }
    }

    private static Process start(TestDatabase db, String name) throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path root = target.resolve("it-" + name);
        // Payara Micro deploys again what an earlier run left in its root directory, before the --deploy one: a
        // second mta.war whose pool goes away under its running scheduler. Each run starts from nothing.
        deleteTree(root);
        Files.createDirectories(root);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                System.getProperty("payara.microJar"), "--nocluster", "--rootdir", root.resolve("payara").toString(),
                "--port", String.valueOf(freePort()), "--deploy", target.resolve("mta.war").toString());
        Map<String, String> env = pb.environment();
        env.put("QUIRE_DB_URL", db.url());
        env.put("QUIRE_DB_USER", TestDatabase.user());
        env.put("QUIRE_DB_PASSWORD", TestDatabase.password());
        env.put("QUIRE_DATA_DIR", root.resolve("var").toString());
        env.put("QUIRE_HOSTNAME", name + ".quire.test");
        for (String port : new String[]{"SMTP", "INTERNAL", "SUBMISSION", "SMTPS"}) {
            env.put("QUIRE_" + port + "_PORT", "0");
        }
        env.put("QUIRE_JOBS_ADDRESS_FILE_SCHEDULE", "*/2 * * * * ?");
        pb.redirectErrorStream(true).redirectOutput(root.resolve("payara.log").toFile());
        return pb.start();
    }

    private static void awaitSchedulers(TestDatabase db, int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                List<String[]> nodes = rows(db,
                        "SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = 'quire-mta'");
                if (nodes.size() >= count) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                // the tables appear once the first node has migrated the schema
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the nodes did not both start a scheduler; see target/it-node*/payara.log");
    }

    private static List<String[]> rows(TestDatabase db, String sql) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
