package dev.quire.cron.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.quire.db.jobs.RosterChange;
import dev.quire.db.jobs.RosterEntry;

/**
 * The difference between a roster and its sources, before the safety valve: who to add (returned, not a member,
 * not excluded), whose source changed, and who to remove (a member no source returned who was not subscribed by
 * hand), the removals only when every source was read.
 *
 * @param removed the addresses of the removals, in the same order
 * @param excludedSkipped how many returned addresses were not added because they are excluded
 */
record SyncPlan(RosterChange change, List<String> removed, int excludedSkipped, List<InvalidLine> invalid,
        List<String> failures) {

    static SyncPlan of(Map<String, RosterEntry> roster, Set<String> excluded, List<SourceOutcome> outcomes) {
        Map<String, RosterChange.Addition> additions = new LinkedHashMap<>();
        Map<Long, Long> sourceChanges = new HashMap<>();
        Set<String> returned = new java.util.HashSet<>();
        List<InvalidLine> invalid = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int excludedSkipped = 0;
        for (SourceOutcome o : outcomes) {
            if (o.failed()) {
                failures.add(o.failure());
                continue;
            }
            invalid.addAll(o.readout().invalid());
            long sourceId = o.source().id();
            for (SourceEntry e : o.readout().entries()) {
                String key = e.address().toString().toLowerCase(Locale.ROOT);
                if (!returned.add(key)) {
                    continue; // an earlier source returned it first
                }
                RosterEntry member = roster.get(key);
                if (member != null) {
                    if (member.syncSourceId() == null || member.syncSourceId() != sourceId) {
                        sourceChanges.put(member.id(), sourceId);
                    }
                } else if (excluded.contains(key)) {
                    excludedSkipped++;
                } else {
                    additions.put(key, new RosterChange.Addition(e.address().toString(), e.name(), sourceId));
                }
            }
        }
        List<Long> removals = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (failures.isEmpty()) {
            for (Map.Entry<String, RosterEntry> m : roster.entrySet()) {
                if (!m.getValue().subscribedByHand() && !returned.contains(m.getKey())) {
                    removals.add(m.getValue().id());
                    removed.add(m.getValue().address());
                }
            }
        }
        return new SyncPlan(new RosterChange(List.copyOf(additions.values()), sourceChanges, removals), removed,
                excludedSkipped, invalid, failures);
    }

    /** The same plan without its removals (held by the valve, or blocked). */
    SyncPlan withoutRemovals() {
        return new SyncPlan(new RosterChange(change.additions(), change.sourceChanges(), List.of()), List.of(),
                excludedSkipped, invalid, failures);
    }
}
