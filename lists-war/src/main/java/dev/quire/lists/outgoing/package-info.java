/**
 * The hand-off of outgoing list mail to the MTA over SMTP: one transaction, many recipients.
 * SECURITY: reads replies of the MTA's internal listener only.
 */
package dev.quire.lists.outgoing;
