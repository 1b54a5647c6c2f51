/**
 * The list side's scheduled jobs, run by the scheduler of whichever application bundles this jar (lists.war):
 * membership synchronisation ({@code sync}) and the upkeep that belongs to no other component ({@code upkeep}).
 * Each job is a {@link dev.quire.scheduler.ScheduledTask} that calls the component owning the work.
 */
package dev.quire.cron;
