package dev.quire.scheduler;

/**
 * Work that runs on a schedule. Implement it in a CDI bean ({@code @ApplicationScoped}) of any application that
 * bundles this jar and the application's scheduler registers it at start: the schedule is the configuration key
 * {@code quire.jobs.<name>.schedule} (a Quartz cron expression, or {@code off}), else
 * {@link #defaultSchedule()}. Runs of one task never overlap, and in a cluster each fire time runs on one node.
 */
public interface ScheduledTask {

    /** The task's name in kebab case ({@code membership-sync}): its job name and its configuration key. */
    String name();

    /** A Quartz cron expression ({@code 0 30 2 * * ?}), or {@code off} to run only when an admin asks. */
    String defaultSchedule();

    /**
     * Does the work. An exception ends the run as FAILED with its message; otherwise the result says what changed.
     */
    TaskResult run(TaskRequest request) throws Exception;
}
