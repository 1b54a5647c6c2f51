package dev.quire.db.jobs;

import java.time.Instant;

/**
 * A sync stopped by the safety valve.
 *
 * @param members the roster's size when the run was held
 * @param removals how many members the run would have removed
 * @param sample some of the addresses it would have removed, one per line
 */
public record SyncHold(long id, ListRole roster, SyncHoldStatus status, int members, int removals, int additions,
        String sample, Instant heldAt, String decidedBy) {
}
