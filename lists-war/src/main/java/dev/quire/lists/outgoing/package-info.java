/**
 * The hand-off of outgoing list mail to the MTA over SMTP: one transaction with many recipients for a
 * list's common copy, or one connection carrying a transaction per personalized copy with a VERP envelope
 * sender ({@link dev.quire.lists.outgoing.Verp}).
 * SECURITY: reads replies of the MTA's internal listener only.
 */
package dev.quire.lists.outgoing;
