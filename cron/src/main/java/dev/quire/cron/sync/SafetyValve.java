package dev.quire.cron.sync;

/**
 * Stops a sync that would remove more than a share of a roster, or empty it, until someone confirms
 * ({@code quire.sync.valve.share}, default 0.10).
 */
public record SafetyValve(double share) {
    public SafetyValve {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("quire.sync.valve.share must be between 0 and 1: " + share);
        }
    }

    /** True when removing {@code removals} of {@code members} (while adding {@code additions}) needs a confirmation. */
    boolean holds(int members, int removals, int additions) {
        if (removals == 0) {
            return false;
        }
        boolean empties = members - removals + additions == 0;
        return empties || removals > share * members;
    }
}
