package dev.quire.cron.sync;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.quire.db.jobs.ListRole;
import dev.quire.db.jobs.RosterEntry;
import dev.quire.db.jobs.RosterRepository;
import dev.quire.db.jobs.SyncExclusionRepository;
import dev.quire.db.jobs.SyncHold;
import dev.quire.db.jobs.SyncHoldRepository;
import dev.quire.db.jobs.SyncRun;
import dev.quire.db.jobs.SyncRunRepository;
import dev.quire.db.jobs.SyncSource;
import dev.quire.db.jobs.SyncSourceRepository;

/**
 * Synchronises rosters with their sources: reads every source, plans the change ({@link SyncPlan}), lets the
 * {@link SafetyValve} hold removals that are too many unless an owner confirmed them, and writes the change in one
 * transaction. A dry run plans and reports without changing the roster. Every run, dry or not, is recorded with its
 * diff in {@code sync_run}.
 */
public final class MembershipSync {
    private static final Logger LOG = Logger.getLogger(MembershipSync.class.getName());
    private static final int SAMPLE = 20;
    /** How many lines of a run's diff {@code sync_run} keeps. */
    private static final int DIFF_LINES = 5000;

    private final SyncSourceRepository sources;
    private final RosterRepository rosters;
    private final SyncExclusionRepository exclusions;
    private final SyncHoldRepository holds;
    private final SyncRunRepository runs;
    private final ExternalDatabases databases;
    private final SafetyValve valve;
    private OwnerNotice notice;

    public MembershipSync(DataSource dataSource, ExternalDatabases databases, SafetyValve valve) {
        this.sources = new SyncSourceRepository(dataSource);
        this.rosters = new RosterRepository(dataSource);
        this.exclusions = new SyncExclusionRepository(dataSource);
        this.holds = new SyncHoldRepository(dataSource);
        this.runs = new SyncRunRepository(dataSource);
        this.databases = databases;
        this.valve = valve;
    }

    /** Mails a roster's list owners after each real (not dry) run that needs their attention. */
    public MembershipSync notifying(OwnerNotice ownerNotice) {
        this.notice = ownerNotice;
        return this;
    }

    /** Syncs every roster that has sources; one roster's failure does not stop the others. */
    public List<SyncReport> syncAll() throws SQLException {
        List<SyncReport> reports = new ArrayList<>();
        for (ListRole roster : sources.syncedRosters()) {
            reports.add(sync(roster, false));
        }
        return reports;
    }

    /** Syncs one roster, or with {@code dryRun} only says what a sync would do. */
    public SyncReport sync(ListRole roster, boolean dryRun) throws SQLException {
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (SyncSource s : sources.forRoster(roster)) {
            outcomes.add(read(s));
        }
        Map<String, RosterEntry> current = rosters.load(roster);
        Set<String> excluded = exclusions.excluded(roster);
        SyncPlan plan = SyncPlan.of(current, excluded, outcomes);
        String list = rosters.listAddress(roster.listId());

        int removals = plan.change().removals().size();
        int additions = plan.change().additions().size();
        Long heldId = null;
        int heldRemovals = 0;
        Optional<SyncHold> confirmed = Optional.empty();
        if (valve.holds(current.size(), removals, additions)) {
            confirmed = holds.confirmed(roster).filter(h -> removals <= h.removals());
            if (confirmed.isEmpty()) {
                heldRemovals = removals;
                if (!dryRun) {
                    heldId = holds.hold(roster, current.size(), removals, additions,
                            String.join("\n", plan.removed().subList(0, Math.min(SAMPLE, removals)))).id();
                    plan = plan.withoutRemovals();
                }
            }
        }
        if (!dryRun) {
            rosters.apply(roster, plan.change());
            if (confirmed.isPresent()) {
                holds.applied(confirmed.get().id());
            }
        }
        SyncReport report = new SyncReport(list, roster.role(), dryRun,
                plan.change().additions().stream().map(a -> a.address()).toList(), plan.removed(),
                plan.change().sourceChanges().size(), plan.excludedSkipped(), plan.invalid(), plan.failures(), heldId,
                heldRemovals);
        LOG.info(() -> report.describe(3).replace('\n', ';'));
        runs.record(new SyncRun(0, roster, dryRun, null, report.added().size(), report.removed().size(),
                report.invalid().size(), report.failures().size(), heldRemovals, heldId, report.describe(DIFF_LINES)));
        if (notice != null && !dryRun && report.needsAttention()) {
            try {
                notice.send(roster, report);
            } catch (java.io.IOException | SQLException e) {
                LOG.warning(() -> "cannot tell the owners of " + list + ": " + e.getMessage());
            }
        }
        return report;
    }

    private SourceOutcome read(SyncSource s) {
        try {
            SourceReadout readout = switch (s.kind()) {
                case SQL -> SqlSource.read(s, databases);
                case CSV -> CsvSource.read(s);
                case FILE -> PlainFileSource.read(s.name(), Path.of(s.location()));
            };
            return new SourceOutcome(s, readout, null);
        } catch (SourceFailure e) {
            return new SourceOutcome(s, null, e.getMessage());
        }
    }
}
