package dev.quire.cron.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

import dev.quire.db.TestDatabase;
import dev.quire.db.jobs.ListRole;
import dev.quire.db.jobs.SyncHoldRepository;
import dev.quire.db.jobs.SyncRun;
import dev.quire.db.jobs.SyncRunRepository;
import dev.quire.db.jobs.SyncHoldStatus;
import dev.quire.db.jobs.SyncSource;
import dev.quire.db.jobs.SyncSourceRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.mail.EmailAddress;

/**
 * Scenario 1's nightly sync: a list fed by the department's database (a second, real MariaDB database queried over
 * JDBC) and by generated CSV and plain files, with Sympa's rules checked the way an owner would check them: who is
 * on the list afterwards.
 */
class MembershipSyncIT {
    @TempDir
    Path dir;

    private TestDatabase quire;
    private TestDatabase department;
    private MariaDbDataSource dataSource;
    private ExternalDatabases databases;
    private MembershipSync sync;
    private SyncSourceRepository sources;
    private ListRole staff;

    @BeforeEach
    void databases() throws Exception {
        quire = TestDatabase.create().withDemoData();
        department = TestDatabase.create();
        dataSource = new MariaDbDataSource(quire.url());
        dataSource.setUser(TestDatabase.user());
        dataSource.setPassword(TestDatabase.password());
        try (Connection c = department.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE person (uun VARCHAR(20) PRIMARY KEY, email VARCHAR(254), full_name VARCHAR(100),"
                    + " staff BOOLEAN)");
        }
        Map<String, String> config = Map.of("quire.sync.datasource.dept.url", department.url(),
                "quire.sync.datasource.dept.user", TestDatabase.user(), "quire.sync.datasource.dept.password",
                TestDatabase.password());
        databases = new ExternalDatabases(k -> Optional.ofNullable(config.get(k)));
        sync = new MembershipSync(dataSource, databases, new SafetyValve(0.10));
        sources = new SyncSourceRepository(dataSource);
        try (Connection c = quire.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO mailing_list (domain_id, name, display_name, subject_prefix) SELECT id, 'staff',"
                    + " 'Staff', '[staff]' FROM domain WHERE name = 'lists.example.test'");
        }
        long listId = new dev.quire.db.jobs.RosterRepository(dataSource)
                .listId(EmailAddress.parse("staff@lists.example.test")).orElseThrow();
        staff = new ListRole(listId, MemberRole.MEMBER);
    }

    @AfterEach
    void drop() throws Exception {
        quire.close();
        department.close();
    }

    private void people(String... rows) throws Exception {
        try (Connection c = department.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM person");
            for (String row : rows) {
                String[] f = row.split("\\|");
                s.execute("INSERT INTO person VALUES ('" + f[0] + "', '" + f[1] + "', '" + f[2] + "', TRUE)");
            }
        }
    }

    private void sqlSource() throws Exception {
        sources.add(SyncSource.sql(staff.listId(), MemberRole.MEMBER, "staff-db", "dept",
                "SELECT email, full_name FROM person WHERE staff ORDER BY uun"));
    }

    private Path csv(String name, String... lines) throws Exception {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private List<String> members() throws Exception {
        return members(staff);
    }

    private List<String> members(ListRole roster) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = quire.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT address FROM member WHERE list_id = ? AND role = ? ORDER BY address")) {
            s.setLong(1, roster.listId());
            s.setString(2, roster.role().name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private String one(String sql) throws Exception {
        try (Connection c = quire.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = quire.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void addsWhatTheSourcesReturnAndRemovesOnlyWhatNoSourceReturnedAndNobodyAddedByHand() throws Exception {
        people("jdoe|jdoe@inf.example.ac.uk|Jane Doe", "rsmith|rsmith@inf.example.ac.uk|Rob Smith");
        sqlSource();
        sources.add(SyncSource.csv(staff.listId(), MemberRole.MEMBER, "visitors",
                csv("visitors.csv", "email,name", "guest@uni.example,Guest Visitor", "JDoe@inf.example.ac.uk,Jane")
                        .toString(),
                "email", "name"));
        new SyncedMembership(dataSource).addByHand(staff, EmailAddress.parse("head@inf.example.ac.uk"), "Head");

        SyncReport first = sync.sync(staff, false);
        assertEquals(List.of("jdoe@inf.example.ac.uk", "rsmith@inf.example.ac.uk", "guest@uni.example"),
                first.added());
        assertEquals(List.of("guest@uni.example", "head@inf.example.ac.uk", "jdoe@inf.example.ac.uk",
                "rsmith@inf.example.ac.uk"), members());
        assertEquals("Jane Doe", one("SELECT display_name FROM member WHERE address = 'jdoe@inf.example.ac.uk'"),
                "the first source to return an address names it");
        assertEquals("visitors", one("SELECT s.name FROM member m JOIN sync_source s ON s.id = m.sync_source_id"
                + " WHERE m.address = 'guest@uni.example'"), "each member records the source that returned it");
        assertEquals("0", one("SELECT subscribed_by_hand FROM member WHERE address = 'guest@uni.example'"));

        execute("UPDATE member SET delivery_enabled = FALSE WHERE address = 'rsmith@inf.example.ac.uk'");
        people("rsmith|rsmith@inf.example.ac.uk|Robert Smith");
        csv("visitors.csv", "email,name", "guest@uni.example,Guest Visitor");
        SyncReport second = new MembershipSync(dataSource, databases, new SafetyValve(0.5)).sync(staff, false);
        assertEquals(List.of("jdoe@inf.example.ac.uk"), second.removed());
        assertEquals(List.of("guest@uni.example", "head@inf.example.ac.uk", "rsmith@inf.example.ac.uk"), members(),
                "the hand-added member stays though no source returns them");
        assertEquals("0", one("SELECT delivery_enabled FROM member WHERE address = 'rsmith@inf.example.ac.uk'"),
                "a sync never touches a member's own options");
        assertEquals("Rob Smith", one("SELECT display_name FROM member WHERE address = 'rsmith@inf.example.ac.uk'"));
        assertEquals(List.of("alice@example.test", "bob@example.test", "carol@remote.test"),
                members(new ListRole(Long.parseLong(one("SELECT id FROM mailing_list WHERE name = 'demo'")),
                        MemberRole.MEMBER)),
                "other lists are untouched");
    }

    @Test
    void whenASourceFailsNothingIsRemovedAndTheRunSaysWhy() throws Exception {
        people("jdoe|jdoe@inf.example.ac.uk|Jane Doe", "rsmith|rsmith@inf.example.ac.uk|Rob Smith");
        sqlSource();
        Path file = csv("students.txt", "# generated nightly", "s1@inf.example.ac.uk", "", "s2@inf.example.ac.uk");
        sources.add(SyncSource.file(staff.listId(), MemberRole.MEMBER, "students", file.toString()));
        sync.sync(staff, false);
        assertEquals(4, members().size());

        try (Connection c = department.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE person");
        }
        csv("students.txt", "s1@inf.example.ac.uk", "s3@inf.example.ac.uk");
        SyncReport report = sync.sync(staff, false);
        assertEquals(List.of("s3@inf.example.ac.uk"), report.added(), "what the working source returns is added");
        assertEquals(List.of(), report.removed());
        assertEquals(List.of("jdoe@inf.example.ac.uk", "rsmith@inf.example.ac.uk", "s1@inf.example.ac.uk",
                "s2@inf.example.ac.uk", "s3@inf.example.ac.uk"), members(), "nobody is removed");
        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).startsWith("staff-db: query on dept failed"), report.failures().toString());
        assertTrue(report.needsAttention());
        assertTrue(report.describe(10).contains("source failed, nothing removed"), report.describe(10));

        Files.delete(file);
        SyncReport missing = sync.sync(staff, false);
        assertEquals(2, missing.failures().size(), "a missing file is a failed source too");
        assertEquals(5, members().size());
    }

    @Test
    void theSafetyValveHoldsLargeRemovalsUntilConfirmedAndADryRunShowsTheDiff() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add("u" + i + "|u" + i + "@inf.example.ac.uk|User " + i);
        }
        people(rows.toArray(String[]::new));
        sqlSource();
        assertEquals(20, sync.sync(staff, false).added().size());

        people(rows.subList(0, 16).toArray(String[]::new)); // 4 of 20 gone: 20% > 10%
        SyncReport dry = sync.sync(staff, true);
        assertEquals(4, dry.removed().size());
        assertEquals(4, dry.heldRemovals());
        assertNull(dry.held(), "a dry run records nothing");
        assertEquals(20, members().size(), "a dry run changes nothing");

        SyncReport held = sync.sync(staff, false);
        assertNotNull(held.held());
        assertEquals(List.of(), held.removed());
        assertEquals(20, members().size(), "held: nobody removed");
        SyncHoldRepository holds = new SyncHoldRepository(dataSource);
        assertEquals(4, holds.find(held.held()).orElseThrow().removals());
        assertEquals(SyncHoldStatus.HELD, holds.find(held.held()).orElseThrow().status());

        assertTrue(holds.confirm(held.held(), "owner@inf.example.ac.uk"));
        SyncReport confirmed = sync.sync(staff, false);
        assertEquals(4, confirmed.removed().size());
        assertEquals(16, members().size());
        assertEquals(SyncHoldStatus.APPLIED, holds.find(held.held()).orElseThrow().status());

        List<SyncRun> recorded = new SyncRunRepository(dataSource).forList(staff.listId(), 10);
        assertEquals(List.of(false, false, true, false), recorded.stream().map(SyncRun::dryRun).toList(),
                "each sync and dry run is recorded, newest first");
        assertEquals(4, recorded.get(0).removed());
        assertEquals(held.held(), recorded.get(1).holdId());
        assertEquals(4, recorded.get(1).heldRemovals());
        assertEquals(0, recorded.get(1).removed());
        assertTrue(recorded.get(2).diff().contains("would remove 4")
                && recorded.get(2).diff().contains("- u16@inf.example.ac.uk"), recorded.get(2).diff());
        assertEquals(20, recorded.get(3).added());

        people(); // the source returns nothing: it would empty the list
        SyncReport empty = sync.sync(staff, false);
        assertNotNull(empty.held());
        assertEquals(16, members().size(), "a run that would empty the list is held");

        people(rows.subList(0, 15).toArray(String[]::new)); // 1 of 16: 6%, under the valve
        SyncReport small = sync.sync(staff, false);
        assertEquals(List.of("u15@inf.example.ac.uk"), small.removed());
        assertEquals(SyncHoldStatus.HELD, holds.find(empty.held()).orElseThrow().status(),
                "a held question stays open until decided");
    }

    @Test
    void aSyncedMemberWhoLeavesIsNotAddedBackUntilAnOwnerReaddsThem() throws Exception {
        people("jdoe|jdoe@inf.example.ac.uk|Jane Doe", "rsmith|rsmith@inf.example.ac.uk|Rob Smith");
        sqlSource();
        sync.sync(staff, false);
        SyncedMembership membership = new SyncedMembership(dataSource);
        assertTrue(membership.leave(staff, EmailAddress.parse("jdoe@inf.example.ac.uk")));

        SyncReport report = sync.sync(staff, false);
        assertEquals(List.of(), report.added());
        assertEquals(1, report.excludedSkipped());
        assertEquals(List.of("rsmith@inf.example.ac.uk"), members());

        membership.addByHand(staff, EmailAddress.parse("jdoe@inf.example.ac.uk"), "Jane Doe");
        people("rsmith|rsmith@inf.example.ac.uk|Rob Smith");
        sync.sync(staff, false);
        assertEquals(List.of("jdoe@inf.example.ac.uk", "rsmith@inf.example.ac.uk"), members(),
                "re-added by an owner: back, and kept as subscribed by hand");
    }

    @Test
    void invalidAddressesAreReportedWithTheirLineAndOwnersCanBeSyncedToo() throws Exception {
        Path file = csv("owners.csv", "1;Ann Owner;ann@inf.example.ac.uk", "2;Bad;not an address",
                "3;Short", "4;Ben Owner;ben@inf.example.ac.uk");
        ListRole owners = new ListRole(staff.listId(), MemberRole.OWNER);
        sources.add(new SyncSource(0, staff.listId(), MemberRole.OWNER, "owners", dev.quire.db.jobs.SyncSourceKind.CSV,
                file.toString(), null, "3", "2", false, ';'));
        SyncReport report = sync.sync(owners, false);
        assertEquals(List.of("ann@inf.example.ac.uk", "ben@inf.example.ac.uk"), members(owners));
        assertEquals(List.of(), members(), "the members' roster is another roster");
        assertEquals(2, report.invalid().size());
        assertEquals(2, report.invalid().get(0).line());
        assertEquals("not an address", report.invalid().get(0).text());
        assertEquals(3, report.invalid().get(1).line());
        assertTrue(report.describe(20).contains("invalid: owners line 2: 'not an address'"), report.describe(20));
        assertFalse(report.failures().size() > 0);
        assertEquals("Ann Owner", one("SELECT display_name FROM member WHERE address = 'ann@inf.example.ac.uk'"));
    }

    @Test
    void aCsvHeaderWithoutTheNamedColumnFailsTheSource() throws Exception {
        sources.add(SyncSource.csv(staff.listId(), MemberRole.MEMBER, "wrong", csv("x.csv", "mail,name",
                "a@inf.example.ac.uk,A").toString(), "email", "name"));
        SyncReport report = sync.sync(staff, false);
        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).contains("has no column 'email'"), report.failures().toString());
        assertEquals(List.of(), members());
    }

    @Test
    void theOwnersAreToldByMailWhenASourceFails() throws Exception {
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.quire.mail.smtp.SmtpServer mta = new dev.quire.mail.smtp.SmtpServer(dev.quire.mail.smtp.SmtpServerConfig
                .builder().hostname("mx.quire.test").bindAddress("127.0.0.1").port(0).build(),
                ctx -> new dev.quire.mail.smtp.MessageHandler() {
                    private final List<String> rcpts = new ArrayList<>();

                    @Override
                    public dev.quire.mail.smtp.Reply from(EmailAddress reversePath, Map<String, String> params) {
                        rcpts.add("from " + reversePath);
                        return new dev.quire.mail.smtp.Reply(250, "2.1.0", "Ok");
                    }

                    @Override
                    public dev.quire.mail.smtp.Reply recipient(EmailAddress recipient, Map<String, String> params) {
                        rcpts.add("to " + recipient);
                        return new dev.quire.mail.smtp.Reply(250, "2.1.5", "Ok");
                    }

                    @Override
                    public List<dev.quire.mail.smtp.Reply> data(java.io.InputStream message)
                            throws java.io.IOException {
                        received.add(String.join("\n", rcpts) + "\n"
                                + new String(message.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                        return List.of(new dev.quire.mail.smtp.Reply(250, "2.0.0", "Ok: queued"));
                    }
                }, r -> {
                    Thread t = new Thread(r);
                    t.setDaemon(true);
                    return t;
                });
        mta.start();
        try {
            execute("INSERT INTO member (list_id, address, role) VALUES (" + staff.listId()
                    + ", 'owner@inf.example.ac.uk', 'OWNER')");
            sources.add(SyncSource.file(staff.listId(), MemberRole.MEMBER, "students",
                    dir.resolve("missing.txt").toString()));
            MembershipSync notifying = new MembershipSync(dataSource, databases, new SafetyValve(0.10))
                    .notifying(new OwnerNotice(dataSource, "127.0.0.1", mta.port(), "lists.quire.test"));

            notifying.sync(staff, true);
            assertEquals(List.of(), received, "a dry run tells nobody");
            notifying.sync(staff, false);

            assertEquals(1, received.size());
            String mail = received.get(0);
            assertTrue(mail.startsWith("from staff-bounces@lists.example.test\nto owner@inf.example.ac.uk\n"), mail);
            assertTrue(mail.contains("Subject: Membership sync of staff@lists.example.test needs you"), mail);
            assertTrue(mail.contains("source failed, nothing removed: students: cannot read"), mail);
        } finally {
            mta.close();
        }
    }
}
