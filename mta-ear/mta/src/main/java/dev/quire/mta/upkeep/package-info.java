/**
 * The MTA's own upkeep jobs on its queue: removing the notifications it generated for mail that was scored as
 * spam (backscatter), and moving long-deferred mail to the slow queue. Each is a {@code ScheduledTask} of the
 * {@code quire-mta} scheduler beside the queue it works on. SECURITY: reads the header section of the original
 * returned inside a queued notification; that text came from the internet, so it is read bounded, only to find
 * two header fields, and never interpreted further.
 */
package dev.quire.mta.upkeep;
