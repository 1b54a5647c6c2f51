/**
 * End-to-end tests: the real {@code quire run} distribution, started as a user starts it, driven by real
 * peers (swaks, Python's smtplib, Postfix's smtp-sink, a MariaDB server) and checked where a user would
 * look: mailboxes, the smarthost's received mail, the database and the spool.
 */
package dev.quire.cli.e2e;
