/**
 * Scheduled jobs and membership syncs as the web admin and the REST API show them: every application's jobs with
 * their schedules and recent runs (site admins, who may run one now), and per list its sync sources, its sync runs
 * with their diffs, dry runs, and confirming a sync the safety valve held (owners). Rights come from ListRights.
 */
package dev.quire.lists.jobs;
