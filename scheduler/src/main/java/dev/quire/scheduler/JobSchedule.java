package dev.quire.scheduler;

import java.time.Instant;

/**
 * A job as the shared job store has it.
 *
 * @param scheduler the application's scheduler that runs it ({@code quire-lists}, {@code quire-mta})
 * @param schedule its cron expression, or {@code off} when it runs only when an admin asks
 * @param nextFire when it fires next, or null when it is off
 */
public record JobSchedule(String scheduler, String job, String schedule, Instant nextFire) {
}
