package dev.quire.lists.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.quire.db.jobs.SyncHold;

/**
 * A sync the safety valve stopped, waiting for an owner's confirmation.
 *
 * @param members the roster's size when it was held
 * @param removals how many members the sync would remove
 * @param sample some of those addresses
 */
public record SyncHoldView(long id, String role, int members, int removals, int additions, List<String> sample,
        Instant heldAt) {
    static SyncHoldView of(SyncHold h) {
        return new SyncHoldView(h.id(), h.roster().role().name().toLowerCase(Locale.ROOT), h.members(), h.removals(),
                h.additions(), h.sample().lines().toList(), h.heldAt());
    }
}
