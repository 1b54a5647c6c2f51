/**
 * Upkeep that belongs to no other component: trimming the record of old job runs. Upkeep that another component
 * owns (token and held-message expiry, moderator reminders, bounce scores, digests) is a
 * {@link dev.quire.scheduler.ScheduledTask} in that component, so its own code decides what to change.
 */
package dev.quire.cron.upkeep;
