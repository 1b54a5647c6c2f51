package dev.quire.mta.spool;

/** The queue directories an envelope moves between. */
public enum QueueName {
    /** Accepted, not yet looked at by the queue manager. */
    INCOMING,
    /** Claimed by the queue manager, being delivered. */
    ACTIVE,
    /** Waiting for its next attempt after a transient failure. */
    DEFERRED,
    /** Deferred for longer than the slow-queue age: retried less often, by fewer workers. */
    SLOW,
    /** Kept aside until an admin releases or deletes it. */
    HOLD,
    /** Unreadable; kept for an admin, never silently dropped. */
    CORRUPT;

    String directory() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
