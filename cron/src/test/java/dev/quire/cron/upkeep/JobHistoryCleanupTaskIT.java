package dev.quire.cron.upkeep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import dev.quire.db.Migrations;
import dev.quire.db.TestDatabase;
import dev.quire.db.jobs.JobOutcome;
import dev.quire.db.jobs.JobRun;
import dev.quire.db.jobs.JobRunRepository;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/** The run history keeps what is recent and what is still running, and loses the rest. */
class JobHistoryCleanupTaskIT {
    @Test
    void deletesFinishedRunsOlderThanTheKeepPeriodOnly() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Migrations.migrate(db.url(), TestDatabase.user(), TestDatabase.password());
            MariaDbDataSource ds = new MariaDbDataSource(db.url());
            ds.setUser(TestDatabase.user());
            ds.setPassword(TestDatabase.password());
            JobRunRepository runs = new JobRunRepository(ds);
            long old = runs.start("quire-lists", "membership-sync", "n1", null, null, null);
            runs.finish(old, JobOutcome.OK, "added=1", null);
            long oldRunning = runs.start("quire-lists", "membership-sync", "n1", null, null, null);
            long recent = runs.start("quire-lists", "membership-sync", "n1", null, null, null);
            runs.finish(recent, JobOutcome.OK, "added=2", null);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE job_run SET started_at = NOW() - INTERVAL 100 DAY,"
                        + " finished_at = IF(finished_at IS NULL, NULL, NOW() - INTERVAL 100 DAY) WHERE id IN (" + old
                        + ", " + oldRunning + ")");
            }

            TaskResult result = new JobHistoryCleanupTask(ds, Duration.ofDays(90)).run(TaskRequest.scheduled());

            assertEquals(1L, result.counts().get("deleted"));
            assertEquals(List.of(recent, oldRunning),
                    runs.recent("membership-sync", 10).stream().map(JobRun::id).toList());
        }
    }
}
