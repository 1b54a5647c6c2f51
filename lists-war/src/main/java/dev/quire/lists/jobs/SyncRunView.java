package dev.quire.lists.jobs;

import java.time.Instant;
import java.util.Locale;

import dev.quire.db.jobs.SyncRun;

/**
 * One sync (or dry run) of one of a list's rosters.
 *
 * @param holdId the hold this run recorded when the safety valve stopped its removals, or null
 * @param diff the run's account: summary, failures, hold, invalid lines, {@code + added} and {@code - removed}
 */
public record SyncRunView(long id, String role, boolean dryRun, Instant ranAt, int added, int removed, int invalid,
        int failedSources, int heldRemovals, Long holdId, String diff) {
    static SyncRunView of(SyncRun r) {
        return new SyncRunView(r.id(), r.roster().role().name().toLowerCase(Locale.ROOT), r.dryRun(), r.ranAt(),
                r.added(), r.removed(), r.invalid(), r.failedSources(), r.heldRemovals(), r.holdId(), r.diff());
    }
}
