/**
 * The queue manager: it claims spool entries, routes each pending recipient to its transport, and puts
 * the entry back with what is left: finished, deferred with exponential backoff, or held for an admin
 * when recipients failed for good or the queue lifetime ran out.
 * SECURITY: reads only spool files the MTA itself wrote; an unreadable one goes to the corrupt queue.
 */
package dev.quire.mta.queue;
