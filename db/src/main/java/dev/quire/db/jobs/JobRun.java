package dev.quire.db.jobs;

import java.time.Instant;

/**
 * One run of a scheduled job.
 *
 * @param scheduler the Quartz scheduler (one per application) that ran it
 * @param node the scheduler instance (node) that ran it
 * @param fireTime the time Quartz scheduled it for, or null when an admin asked for the run
 * @param request the id of the admin's request that caused the run, or null
 * @param parameters the run's parameters as {@code key=value} pairs, or null
 * @param finishedAt null while running
 * @param counts what the run changed, as {@code name=number} pairs (e.g. {@code added=3 removed=1})
 * @param message what an admin should read: errors, held removals, invalid lines
 */
public record JobRun(long id, String scheduler, String job, String node, Instant fireTime, String request,
        String parameters, Instant startedAt, Instant finishedAt, JobOutcome outcome, String counts, String message) {
}
