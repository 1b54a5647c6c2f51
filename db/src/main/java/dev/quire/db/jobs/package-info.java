/**
 * The tables of scheduled jobs, read and written with plain JDBC: the record of every run
 * ({@link dev.quire.db.jobs.JobRunRepository}), and what membership synchronisation keeps (sources per list,
 * exclusions, runs held by the safety valve, and the bulk reads and writes of a roster). JDBC rather than JPA
 * because these are written from Quartz's threads outside any container transaction, and because a sync
 * compares and writes a hundred thousand rows at a time.
 */
package dev.quire.db.jobs;
