package dev.quire.db.jobs;

import java.time.Instant;

/**
 * One sync of one roster, as recorded in {@code sync_run}.
 *
 * @param dryRun true for a preview that changed nothing
 * @param holdId the hold the safety valve recorded in this run, or null
 * @param diff the run's account: a summary line, failures, the hold, invalid lines, then {@code + address} and
 *        {@code - address} lines (cut short for very large runs)
 */
public record SyncRun(long id, ListRole roster, boolean dryRun, Instant ranAt, int added, int removed, int invalid,
        int failedSources, int heldRemovals, Long holdId, String diff) {
}
