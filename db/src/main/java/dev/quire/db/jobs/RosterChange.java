package dev.quire.db.jobs;

import java.util.List;
import java.util.Map;

/**
 * What a sync writes to one roster, in one transaction.
 *
 * @param additions new members
 * @param sourceChanges member id to the source that now returns it
 * @param removals ids of members to remove
 */
public record RosterChange(List<Addition> additions, Map<Long, Long> sourceChanges, List<Long> removals) {

    /** A member to add: never subscribed by hand, returned by {@code sourceId}. */
    public record Addition(String address, String displayName, long sourceId) {
    }

    public boolean isEmpty() {
        return additions.isEmpty() && sourceChanges.isEmpty() && removals.isEmpty();
    }
}
