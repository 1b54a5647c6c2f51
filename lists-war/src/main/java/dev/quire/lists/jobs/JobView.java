package dev.quire.lists.jobs;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled job as admins see it.
 *
 * @param application the application whose scheduler runs it: {@code lists} or {@code mta}
 * @param schedule its Quartz cron expression, or {@code off}
 * @param nextFire when it fires next, or null when it is off
 * @param runs its latest runs, newest first
 */
public record JobView(String name, String application, String schedule, Instant nextFire, List<JobRunView> runs) {
}
