package dev.quire.cron.upkeep;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.db.jobs.JobRunRepository;
import dev.quire.db.jobs.SyncRunRepository;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/**
 * {@code job-history-cleanup}: deletes the records of runs ({@code job_run}) and of lists' syncs
 * ({@code sync_run}) older than {@code quire.jobs.history.keep} (default P90D), daily at 04:10.
 */
@ApplicationScoped
public class JobHistoryCleanupTask implements ScheduledTask {
    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "quire.jobs.history.keep", defaultValue = "P90D")
    Duration keep;

    public JobHistoryCleanupTask() {
    }

    /** For use outside a container. */
    public JobHistoryCleanupTask(DataSource dataSource, Duration keep) {
        this.dataSource = dataSource;
        this.keep = keep;
    }

    @Override
    public String name() {
        return "job-history-cleanup";
    }

    @Override
    public String defaultSchedule() {
        return "0 10 4 * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws SQLException {
        Instant cutoff = Instant.now().minus(keep);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("deleted", (long) new JobRunRepository(dataSource).deleteFinishedBefore(cutoff));
        counts.put("sync_runs_deleted", (long) new SyncRunRepository(dataSource).deleteBefore(cutoff));
        return TaskResult.ok(counts);
    }
}
