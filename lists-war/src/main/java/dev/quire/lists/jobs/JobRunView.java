package dev.quire.lists.jobs;

import java.time.Instant;

import dev.quire.db.jobs.JobRun;

/**
 * One run of a job.
 *
 * @param manual true when an admin asked for it
 * @param request the id of the admin's request that caused it (as {@code POST .../run} answered), or null
 * @param finishedAt null while it runs
 * @param outcome {@code RUNNING}, {@code OK}, {@code WARNING} or {@code FAILED}
 * @param counts what it changed, {@code name=number} pairs
 * @param message what an admin should read (errors, held removals), or null
 */
public record JobRunView(long id, String job, String application, String node, boolean manual, String request,
        Instant startedAt,
        Instant finishedAt, String outcome, String counts, String message) {

    static JobRunView of(JobRun r) {
        return new JobRunView(r.id(), r.job(), JobsAdministration.application(r.scheduler()), r.node(),
                r.fireTime() == null, r.request(), r.startedAt(), r.finishedAt(), r.outcome().name(), r.counts(),
                r.message());
    }
}
