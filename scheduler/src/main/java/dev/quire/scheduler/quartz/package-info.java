/**
 * Quartz wired for a Jakarta EE container: a JDBC job store on Quire's database, clustered so that nodes sharing
 * the database fire each trigger once; worker and housekeeping threads made by the container's
 * {@code ManagedThreadFactory} (Quartz's own threads cannot use the application's naming context); one job class
 * that calls a {@link dev.quire.scheduler.ScheduledTask} and records the run. Job data is stored as string
 * properties, never Java serialization. Nothing here needs CDI, so tests build the same scheduler outside a
 * container.
 */
package dev.quire.scheduler.quartz;
