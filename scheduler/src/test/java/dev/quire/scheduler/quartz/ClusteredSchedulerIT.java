package dev.quire.scheduler.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.quartz.SchedulerException;

import dev.quire.db.Migrations;
import dev.quire.db.TestDatabase;
import dev.quire.db.jobs.JobOutcome;
import dev.quire.db.jobs.JobRun;
import dev.quire.db.jobs.JobRunRepository;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/**
 * Two scheduler nodes of one application in this JVM, clustered on a real MariaDB job store (the same code the
 * container runs, with a plain thread factory): each fire time runs once, runs are recorded with their counts or
 * their error, and a run asked for by hand reaches the application that owns the job.
 */
class ClusteredSchedulerIT {
    private TestDatabase db;
    private MariaDbDataSource dataSource;
    private final List<ClusteredScheduler> started = new ArrayList<>();

    /** A task that records which node ran it for which request. */
    private static final class Recording implements ScheduledTask {
        final String name;
        final String schedule;
        final ConcurrentLinkedQueue<TaskRequest> requests = new ConcurrentLinkedQueue<>();

        Recording(String name, String schedule) {
            this.name = name;
            this.schedule = schedule;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String defaultSchedule() {
            return schedule;
        }

        @Override
        public TaskResult run(TaskRequest request) throws Exception {
            requests.add(request);
            if (request.parameter("fail").isPresent()) {
                throw new IllegalStateException("source unreachable: " + request.parameter("fail").get());
            }
            return TaskResult.ok(Map.of("touched", 3L));
        }
    }

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.create();
        Migrations.migrate(db.url(), TestDatabase.user(), TestDatabase.password());
        dataSource = new MariaDbDataSource(db.url());
        dataSource.setUser(TestDatabase.user());
        dataSource.setPassword(TestDatabase.password());
    }

    @AfterEach
    void stop() throws Exception {
        for (ClusteredScheduler s : started) {
            s.close();
        }
        db.close();
    }

    private ClusteredScheduler node(String name, ScheduledTask task, Map<String, String> config)
            throws SchedulerException {
        SchedulerSettings settings = new SchedulerSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMillis(500), Duration.ZERO, key -> Optional.ofNullable(config.get(key)));
        ClusteredScheduler s = ClusteredScheduler.create(name, List.of(task), dataSource,
                Executors.defaultThreadFactory(), settings);
        started.add(s);
        s.start();
        return s;
    }

    @Test
    void twoNodesOfOneApplicationRunEachFireTimeOnce() throws Exception {
        Recording onA = new Recording("tick", "off");
        Recording onB = new Recording("tick", "off");
        Map<String, String> everySecond = Map.of("quire.jobs.tick.schedule", "* * * * * ?");
        node("quire-test", onA, everySecond);
        node("quire-test", onB, everySecond);
        Thread.sleep(8000);
        for (ClusteredScheduler s : started) {
            s.close();
        }
        started.clear();

        List<JobRun> runs = new JobRunRepository(dataSource).recent("tick", 1000);
        assertTrue(runs.size() >= 5, "about one run a second for 8 s: " + runs.size());
        assertEquals(runs.size(), runs.stream().map(JobRun::fireTime).distinct().count(),
                "no fire time ran twice: " + runs);
        assertEquals(runs.size(), onA.requests.size() + onB.requests.size(), "every run was recorded");
        assertTrue(runs.stream().allMatch(r -> r.outcome() == JobOutcome.OK && "touched=3".equals(r.counts())
                && r.finishedAt() != null && r.fireTime() != null), runs.toString());
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT node) FROM job_run")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1);
        }
    }

    @Test
    void aRunAskedForByHandCarriesItsParametersAndAFailureIsRecordedWithItsError() throws Exception {
        Recording task = new Recording("sync", "0 0 3 * * ?");
        ClusteredScheduler s = node("quire-test", task, Map.of());
        String ok = s.requestRun("sync", Map.of("list", "staff@example.test"));
        String failing = s.requestRun("sync", Map.of("fail", "db.example.test"));
        JobRunRepository runs = new JobRunRepository(dataSource);
        JobRun first = finished(runs, ok);
        assertEquals(JobOutcome.OK, first.outcome());
        assertEquals("list=staff@example.test", first.parameters());
        assertNull(first.fireTime(), "a run by hand has no scheduled fire time");
        assertEquals(s.node(), first.node());
        JobRun second = finished(runs, failing);
        assertEquals(JobOutcome.FAILED, second.outcome());
        assertEquals("source unreachable: db.example.test", second.message());
        assertTrue(task.requests.stream().allMatch(TaskRequest::manual));
    }

    @Test
    void aRunOfAnotherApplicationsJobIsRunByThatApplication() throws Exception {
        Recording mtaTask = new Recording("address-file", "off");
        Recording listsTask = new Recording("membership-sync", "off");
        node("quire-mta", mtaTask, Map.of());
        ClusteredScheduler lists = node("quire-lists", listsTask, Map.of());
        String request = lists.requestRun("address-file", Map.of());
        JobRun run = finished(new JobRunRepository(dataSource), request);
        assertEquals("quire-mta", run.scheduler());
        assertEquals(1, mtaTask.requests.size());
        assertEquals(0, listsTask.requests.size());
        assertEquals(Map.of("quire-lists", List.of("membership-sync"), "quire-mta", List.of("address-file")),
                lists.jobs());
        assertThrows(SchedulerException.class, () -> lists.requestRun("no-such-job", Map.of()));
    }

    @Test
    void aBadScheduleStopsTheStartWithTheKeyToFix() {
        SchedulerException e = assertThrows(SchedulerException.class,
                () -> node("quire-test", new Recording("tick", "off"), Map.of("quire.jobs.tick.schedule", "nightly")));
        assertTrue(e.getMessage().contains("quire.jobs.tick.schedule"), e.getMessage());
    }

    private static JobRun finished(JobRunRepository runs, String request) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Optional<JobRun> run = runs.byRequest(request);
            if (run.isPresent() && run.get().finishedAt() != null) {
                assertNotNull(run.get().startedAt());
                return run.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no finished run for request " + request);
    }
}
