package dev.quire.db.jobs;

/** Where a sync held by the safety valve stands. */
public enum SyncHoldStatus {
    /** Waiting for an owner or admin. */
    HELD,
    /** Confirmed: the next run may remove up to the held number of members. */
    CONFIRMED,
    /** A run removed the members under this confirmation. */
    APPLIED,
    /** A later run was held again before anyone decided; that one is the question now. */
    SUPERSEDED
}
