package dev.quire.cron.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quire.db.list.MemberRole;

/**
 * What one sync of one roster did, or would do in a dry run.
 *
 * @param added the addresses added (or to add)
 * @param removed the addresses removed (or to remove)
 * @param held the id of the hold that stopped the removals, or null
 * @param heldRemovals how many removals the valve stopped
 */
public record SyncReport(String list, MemberRole role, boolean dryRun, List<String> added, List<String> removed,
        int sourceChanged, int excludedSkipped, List<InvalidLine> invalid, List<String> failures, Long held,
        int heldRemovals) {

    /** True when an owner or admin should look: a failed source, invalid lines, or held removals. */
    public boolean needsAttention() {
        return !failures.isEmpty() || !invalid.isEmpty() || held != null || heldRemovals > 0;
    }

    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("added", (long) added.size());
        counts.put("removed", (long) removed.size());
        counts.put("source_changed", (long) sourceChanged);
        counts.put("excluded", (long) excludedSkipped);
        counts.put("invalid", (long) invalid.size());
        counts.put("failed_sources", (long) failures.size());
        counts.put("held_removals", (long) heldRemovals);
        return counts;
    }

    /** A readable account for the run record and the owners' notice; long lists are cut short. */
    public String describe(int maxLines) {
        List<String> lines = new ArrayList<>();
        String who = list + (role == MemberRole.MEMBER ? "" : " (" + role.name().toLowerCase() + "s)");
        lines.add(who + ": " + (dryRun ? "would add " : "added ") + added.size() + ", "
                + (dryRun ? "would remove " : "removed ") + removed.size());
        for (String f : failures) {
            lines.add("source failed, nothing removed: " + f);
        }
        if (held != null) {
            lines.add("held by the safety valve: " + heldRemovals + " removals wait for confirmation"
                    + " (quire sync confirm " + held + ")");
        } else if (heldRemovals > 0) {
            lines.add("the safety valve would hold " + heldRemovals + " removals");
        }
        for (InvalidLine i : invalid) {
            lines.add("invalid: " + i);
        }
        added.forEach(a -> lines.add("+ " + a));
        removed.forEach(r -> lines.add("- " + r));
        if (lines.size() > maxLines) {
            int more = lines.size() - maxLines;
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            cut.add("... and " + more + " more lines");
            return String.join("\n", cut);
        }
        return String.join("\n", lines);
    }
}
