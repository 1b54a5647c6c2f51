/**
 * The list engine's scheduled upkeep: each class is a one-line trigger ({@link dev.quire.scheduler.ScheduledTask})
 * that calls the component owning the work; the scheduler bundled from the cron module registers them, records
 * every run, and fires each once across a cluster.
 */
package dev.quire.lists.upkeep;
