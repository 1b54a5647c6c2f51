package dev.quire.cron.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mariadb.jdbc.MariaDbDataSource;

import dev.quire.db.TestDatabase;
import dev.quire.db.jobs.ListRole;
import dev.quire.db.jobs.RosterRepository;
import dev.quire.db.jobs.SyncSource;
import dev.quire.db.jobs.SyncSourceRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.mail.EmailAddress;

/**
 * bench/jobs.sh: a 100,000-address source (CSV, then the same from a second MariaDB database) synced into an
 * empty list, then again unchanged, then with 5% replaced (the valve raised so it applies). Prints seconds.
 */
public final class SyncBenchmark {
    private static final int N = 100_000;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TestDatabase quire = TestDatabase.create().withDemoData(); TestDatabase dept = TestDatabase.create()) {
            MariaDbDataSource ds = new MariaDbDataSource(quire.url());
            ds.setUser(TestDatabase.user());
            ds.setPassword(TestDatabase.password());
            Map<String, String> config = Map.of("quire.sync.datasource.dept.url", dept.url(),
                    "quire.sync.datasource.dept.user", TestDatabase.user(), "quire.sync.datasource.dept.password",
                    TestDatabase.password());
            MembershipSync sync = new MembershipSync(ds, new ExternalDatabases(k -> Optional.ofNullable(config.get(k))),
                    new SafetyValve(0.5));
            Path csv = Files.createTempFile("sync-bench", ".csv");
            write(csv, 0);
            try (Connection c = dept.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE person (email VARCHAR(254) PRIMARY KEY, full_name VARCHAR(100))");
            }
            fill(dept, 0);
            bench(quire, ds, sync, "csv", list -> SyncSource.csv(list, MemberRole.MEMBER, "csv", csv.toString(),
                    "email", "name"), () -> write(csv, N / 20));
            bench(quire, ds, sync, "sql", list -> SyncSource.sql(list, MemberRole.MEMBER, "sql", "dept",
                    "SELECT email, full_name FROM person"), () -> fill(dept, N / 20));
            Files.delete(csv);
        }
    }

    private interface SourceFor {
        SyncSource of(long listId);
    }

    private interface Change {
        void apply() throws Exception;
    }

    private static void bench(TestDatabase quire, MariaDbDataSource ds, MembershipSync sync, String name,
            SourceFor source, Change change) throws Exception {
        try (Connection c = quire.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO mailing_list (domain_id, name, display_name, subject_prefix) SELECT id, 'bench-"
                    + name + "', 'Bench', '[b]' FROM domain WHERE name = 'lists.example.test'");
        }
        long id = new RosterRepository(ds).listId(EmailAddress.parse("bench-" + name + "@lists.example.test"))
                .orElseThrow();
        new SyncSourceRepository(ds).add(source.of(id));
        ListRole roster = new ListRole(id, MemberRole.MEMBER);
        time(name + " first sync, " + N + " added", () -> sync.sync(roster, false).added().size());
        time(name + " unchanged", () -> sync.sync(roster, false).added().size());
        change.apply();
        time(name + " 5% replaced", () -> sync.sync(roster, false).removed().size());
    }

    private interface Run {
        int run() throws Exception;
    }

    private static void time(String what, Run run) throws Exception {
        long t0 = System.nanoTime();
        int n = run.run();
        System.out.printf("%-32s %6.2f s  (%d)%n", what, (System.nanoTime() - t0) / 1e9, n);
    }

    private static void write(Path csv, int shift) throws Exception {
        List<String> lines = new ArrayList<>(N + 1);
        lines.add("email,name");
        for (int i = shift; i < N + shift; i++) {
            lines.add("user" + i + "@inf.example.ac.uk,User " + i);
        }
        Files.write(csv, lines);
    }

    private static void fill(TestDatabase dept, int shift) throws Exception {
        try (Connection c = dept.connect()) {
            c.createStatement().execute("DELETE FROM person");
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO person VALUES (?, ?)")) {
                for (int i = shift; i < N + shift; i++) {
                    p.setString(1, "user" + i + "@inf.example.ac.uk");
                    p.setString(2, "User " + i);
                    p.addBatch();
                    if (i % 5000 == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
        }
    }
}
