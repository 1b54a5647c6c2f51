package dev.quire.scheduler.quartz;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.quartz.JobExecutionContext;

import dev.quire.db.jobs.JobOutcome;
import dev.quire.db.jobs.JobRunRepository;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/** Runs a task and records the run: started, then finished with the task's counts, or failed with its error. */
final class TaskRunner {
    /** The job-data key of the admin request that caused a run. */
    static final String REQUEST = "quire.request";
    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

    private final JobRunRepository runs;
    private final String scheduler;
    private final String node;

    TaskRunner(JobRunRepository runs, String scheduler, String node) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.node = node;
    }

    void run(ScheduledTask task, JobExecutionContext context) {
        Map<String, String> parameters = new TreeMap<>();
        context.getMergedJobDataMap().forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        String request = parameters.remove(REQUEST);
        boolean manual = !ClusteredScheduler.GROUP.equals(context.getTrigger().getKey().getGroup());
        Instant fireTime = manual ? null : context.getScheduledFireTime().toInstant();
        run(task, new TaskRequest(parameters, manual), fireTime, request);
    }

    /** Runs and records; returns the run's id, or -1 when not even its start could be recorded. */
    long run(ScheduledTask task, TaskRequest request, Instant fireTime, String requestId) {
        String text = request.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        long id;
        try {
            id = runs.start(scheduler, task.name(), node, fireTime, requestId, text.isEmpty() ? null : text);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "job " + task.name() + " not run: its run cannot be recorded", e);
            return -1;
        }
        JobOutcome outcome;
        String counts = null;
        String message;
        try {
            TaskResult result = task.run(request);
            outcome = result.attention() ? JobOutcome.WARNING : JobOutcome.OK;
            counts = result.countsText();
            message = result.message();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "job " + task.name() + " failed", e);
            outcome = JobOutcome.FAILED;
            message = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        try {
            runs.finish(id, outcome, counts, message);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "job " + task.name() + " ended " + outcome + " but the record did not", e);
        }
        LOG.info(() -> "job " + task.name() + " run " + id + " ended");
        return id;
    }
}
