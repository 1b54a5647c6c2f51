/**
 * {@code quire run}: starts an embedded MariaDB when no database is configured, migrates the schema, starts Payara
 * Micro with both wars as a child JVM, waits until the MTA answers SMTP and stops everything in reverse order on a
 * signal. Each step is one class; {@link dev.quire.cli.run.RunCommand} only sequences them. The only network input
 * read here is the first line of the local SMTP banner.
 */
package dev.quire.cli.run;
