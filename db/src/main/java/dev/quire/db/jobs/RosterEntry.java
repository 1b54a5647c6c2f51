package dev.quire.db.jobs;

/**
 * One current membership as a sync sees it.
 *
 * @param address as stored
 * @param syncSourceId the source that last returned it, or null
 */
public record RosterEntry(long id, String address, boolean subscribedByHand, Long syncSourceId) {
}
