package dev.quire.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.user.PasswordHash;

/** The migrations and the demo data, on a real MariaDB server. */
class MigrationsIT {
    @Test
    void migratesAnEmptyDatabaseOnceAndSeedsTheDemoOnce() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            assertTrue(Migrations.migrate(db.url(), TestDatabase.user(), TestDatabase.password()) >= 1);
            assertEquals(0, Migrations.migrate(db.url(), TestDatabase.user(), TestDatabase.password()),
                    "a second run applies nothing");

            Optional<String> password = DemoData.seed(db.url(), TestDatabase.user(), TestDatabase.password());
            assertTrue(password.isPresent(), "the first seed creates the admin and tells its password");
            assertEquals(Optional.empty(), DemoData.seed(db.url(), TestDatabase.user(), TestDatabase.password()),
                    "seeding again changes nothing");

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertEquals(List.of("alice@example.test", "bob@example.test", "carol@remote.test"), column(s,
                        "SELECT m.address FROM member m JOIN mailing_list l ON l.id = m.list_id"
                                + " JOIN domain d ON d.id = l.domain_id"
                                + " WHERE l.name = 'demo' AND d.name = 'lists.example.test' ORDER BY m.address"));
                assertEquals(List.of("alice", "bob"), column(s, "SELECT local_part FROM mailbox ORDER BY local_part"));
                List<String> hashes = column(s, "SELECT password_hash FROM site_user WHERE username = 'admin'");
                assertTrue(PasswordHash.verify(password.get().toCharArray(), hashes.get(0)),
                        "the stored hash matches the printed password");
                assertTrue(!hashes.get(0).contains(password.get()), "the password is not stored in clear");
                assertEquals(List.of("1"), column(s,
                        "SELECT COUNT(*) FROM member WHERE address = 'ALICE@Example.TEST'"),
                        "member addresses compare without regard to case");
            }
        }
    }

    /**
     * V18: bounces recorded unprocessed before the outage guard existed are marked processed, so that they are not
     * replayed as held ones at the member's next bounce; a bounce the guard did hold stays unprocessed.
     */
    @Test
    void oldUnprocessedBouncesAreNotTakenForHeldOnes() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
                    .locations(Migrations.LOCATION).target("17").load().migrate();
            DemoData.seed(db.url(), TestDatabase.user(), TestDatabase.password());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                String list = "(SELECT id FROM mailing_list WHERE name = 'demo')";
                s.executeUpdate("INSERT INTO bounce_event (list_id, address, method, permanent) VALUES (" + list
                        + ", 'old@example.test', 'VERP', TRUE), (" + list + ", 'held@example.test', 'VERP', TRUE)");
                s.executeUpdate("INSERT INTO membership_event (list_id, address, event, actor) VALUES (" + list
                        + ", 'held@example.test', 'BOUNCE_HELD', 'bounce-processor')");
            }
            assertEquals(1, Migrations.migrate(db.url(), TestDatabase.user(), TestDatabase.password()));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertEquals(List.of("held@example.test|0", "old@example.test|1"), column(s,
                        "SELECT CONCAT(address, '|', processed) FROM bounce_event ORDER BY address"));
            }
        }
    }

    private static List<String> column(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
