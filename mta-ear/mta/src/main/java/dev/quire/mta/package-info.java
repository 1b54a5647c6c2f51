/**
 * Quire's MTA, the application Payara Micro runs as {@code mta.war}: listeners that accept mail
 * ({@link dev.quire.mta.smtpd}), a crash-safe spool ({@link dev.quire.mta.spool}), the queue manager
 * ({@link dev.quire.mta.queue}), the router that decides each recipient's address class ({@link
 * dev.quire.mta.routing}) and the delivery agents ({@link dev.quire.mta.delivery}).
 * SECURITY: nothing here parses untrusted input itself; the subpackages say what they touch.
 */
package dev.quire.mta;
