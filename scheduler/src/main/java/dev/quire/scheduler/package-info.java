/**
 * Scheduled work in any Quire application: a bean that implements {@link dev.quire.scheduler.ScheduledTask} is
 * found by CDI and run on the application's clustered Quartz scheduler, on the schedule its configuration key
 * gives, and each run is recorded in {@code job_run}. The task owns its work; the scheduler only triggers it and
 * records what it says.
 */
package dev.quire.scheduler;
