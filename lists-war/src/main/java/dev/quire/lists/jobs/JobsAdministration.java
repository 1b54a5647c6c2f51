package dev.quire.lists.jobs;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.quartz.SchedulerException;

import dev.quire.cron.sync.MembershipSyncTask;
import dev.quire.db.jobs.JobRunRepository;
import dev.quire.db.jobs.SyncHold;
import dev.quire.db.jobs.SyncHoldRepository;
import dev.quire.db.jobs.SyncHoldStatus;
import dev.quire.db.jobs.SyncRun;
import dev.quire.db.jobs.SyncRunRepository;
import dev.quire.db.jobs.SyncSourceRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRights.ManagedList;
import dev.quire.lists.security.ListRole;
import dev.quire.scheduler.JobSchedule;
import dev.quire.scheduler.SchedulerBootstrap;

/**
 * The jobs and syncs behind {@code /admin/jobs}, {@code /admin/lists/{list}/sync} and their REST twins. Jobs are
 * every application's (they share one job store): a run asked for here goes to the owning application's scheduler,
 * so an MTA job ({@code address-file}) runs in mta.war even when lists.war asks. Jobs are for site admins; a list's
 * sources, sync runs and holds for its owners.
 */
@ApplicationScoped
public class JobsAdministration {
    /** How many runs each job shows on the jobs page. */
    static final int RUNS_PER_JOB = 5;
    private static final int MAX_RUNS = 500;

    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @Inject
    SchedulerBootstrap scheduler;

    @Inject
    MembershipSyncTask sync;

    @Inject
    ListRights rights;

    /** A roster's role from a request ({@code member} when none is given); 400 for anything else. */
    public static MemberRole role(String role) {
        if (role == null || role.isBlank()) {
            return MemberRole.MEMBER;
        }
        try {
            return MemberRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException("role is member, owner or moderator");
        }
    }

    /** {@code quire-mta} to {@code mta}. */
    static String application(String scheduler) {
        return scheduler.startsWith("quire-") ? scheduler.substring("quire-".length()) : scheduler;
    }

    /** Every job with its schedule, next fire time and latest runs. */
    public List<JobView> jobs(Account caller) {
        rights.requireSiteAdmin(caller);
        try {
            JobRunRepository runs = new JobRunRepository(dataSource);
            List<JobView> out = new ArrayList<>();
            for (JobSchedule s : scheduler.scheduler().schedules()) {
                out.add(new JobView(s.job(), application(s.scheduler()), s.schedule(), s.nextFire(),
                        runs.recent(s.job(), RUNS_PER_JOB).stream().map(JobRunView::of).toList()));
            }
            return out;
        } catch (SchedulerException | SQLException e) {
            throw new IllegalStateException("cannot read the jobs: " + e.getMessage(), e);
        }
    }

    /** A job's latest runs, newest first. */
    public List<JobRunView> runs(Account caller, String job, int limit) {
        rights.requireSiteAdmin(caller);
        schedule(job);
        try {
            return new JobRunRepository(dataSource).recent(job, Math.max(1, Math.min(MAX_RUNS, limit))).stream()
                    .map(JobRunView::of).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the runs: " + e.getMessage(), e);
        }
    }

    /** Asks for a run of a job now, in its own application. */
    public RunRequestView runNow(Account caller, String job) {
        rights.requireSiteAdmin(caller);
        JobSchedule s = schedule(job);
        return request(job, application(s.scheduler()), Map.of());
    }

    private JobSchedule schedule(String job) {
        try {
            return scheduler.scheduler().schedules().stream().filter(s -> s.job().equals(job)).findFirst()
                    .orElseThrow(() -> new NotFoundException("No job is named " + job + "."));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the jobs: " + e.getMessage(), e);
        }
    }

    private RunRequestView request(String job, String application, Map<String, String> parameters) {
        try {
            return new RunRequestView(job, application, scheduler.scheduler().requestRun(job, parameters));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot ask for a run of " + job + ": " + e.getMessage(), e);
        }
    }

    /** A list's sync sources, every roster (owners). */
    public List<SourceView> sources(Account caller, String list) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        SyncSourceRepository sources = new SyncSourceRepository(dataSource);
        List<SourceView> out = new ArrayList<>();
        try {
            for (MemberRole role : List.of(MemberRole.MEMBER, MemberRole.OWNER, MemberRole.MODERATOR)) {
                sources.forRoster(new dev.quire.db.jobs.ListRole(managed.list().id(), role)).stream()
                        .map(SourceView::of)
                        .forEach(out::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sources: " + e.getMessage(), e);
        }
        return out;
    }

    /** A list's sync runs, newest first (owners). */
    public List<SyncRunView> syncRuns(Account caller, String list, int limit) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        try {
            return new SyncRunRepository(dataSource)
                    .forList(managed.list().id(), Math.max(1, Math.min(MAX_RUNS, limit))).stream()
                    .map(SyncRunView::of).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sync runs: " + e.getMessage(), e);
        }
    }

    /** One sync run of the list, with its diff (owners); 404 for another list's run. */
    public SyncRunView syncRun(Account caller, String list, long id) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        try {
            return new SyncRunRepository(dataSource).find(id)
                    .filter(r -> r.roster().listId() == managed.list().id()).map(SyncRunView::of)
                    .orElseThrow(() -> new NotFoundException("No sync run " + id + " of " + list + "."));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sync run: " + e.getMessage(), e);
        }
    }

    /**
     * A dry run of one roster now: reads the sources and records what a sync would do, changing nothing.
     *
     * @return the recorded run with its diff
     */
    public SyncRunView dryRun(Account caller, String list, MemberRole role) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        requireSources(managed, role);
        try {
            sync.syncNow(managed.list().postingAddress(), role, true);
            SyncRun latest = new SyncRunRepository(dataSource).forList(managed.list().id(), 10).stream()
                    .filter(r -> r.dryRun() && r.roster().role() == role).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the dry run was not recorded"));
            return SyncRunView.of(latest);
        } catch (SQLException e) {
            throw new IllegalStateException("the dry run failed: " + e.getMessage(), e);
        }
    }

    /** Asks for a real sync of one roster now, run by the scheduler like the nightly one (owners). */
    public RunRequestView syncNow(Account caller, String list, MemberRole role) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        requireSources(managed, role);
        return request(MembershipSyncTask.NAME, "lists",
                Map.of("list", managed.list().postingAddress().toString(), "role", role.name()));
    }

    /** A roster without sources is never synced by hand: with nothing to read, every synced member would go. */
    private void requireSources(ManagedList managed, MemberRole role) {
        try {
            if (new SyncSourceRepository(dataSource)
                    .forRoster(new dev.quire.db.jobs.ListRole(managed.list().id(), role)).isEmpty()) {
                throw new jakarta.ws.rs.BadRequestException("The " + role.name().toLowerCase(Locale.ROOT)
                        + " roster of " + managed.list().postingAddress() + " has no sync source.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sources: " + e.getMessage(), e);
        }
    }

    /** The list's syncs held by the safety valve, waiting (owners). */
    public List<SyncHoldView> holds(Account caller, String list) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        try {
            return new SyncHoldRepository(dataSource).waiting().stream()
                    .filter(h -> h.roster().listId() == managed.list().id()).map(SyncHoldView::of).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the held syncs: " + e.getMessage(), e);
        }
    }

    /**
     * Confirms a held sync of the list and asks for that roster's sync now, which may then remove up to the held
     * number of members. 404 when the hold is another list's or no longer waiting.
     */
    public RunRequestView confirm(Account caller, String list, long holdId) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        SyncHoldRepository holds = new SyncHoldRepository(dataSource);
        try {
            SyncHold hold = holds.find(holdId).filter(h -> h.roster().listId() == managed.list().id())
                    .orElseThrow(() -> new NotFoundException("No held sync " + holdId + " of " + list + "."));
            if (hold.status() != SyncHoldStatus.HELD || !holds.confirm(holdId, caller.username())) {
                throw new NotFoundException("Held sync " + holdId + " is "
                        + hold.status().name().toLowerCase(Locale.ROOT) + ", not waiting.");
            }
            return request(MembershipSyncTask.NAME, "lists",
                    Map.of("list", managed.list().postingAddress().toString(), "role", hold.roster().role().name()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot confirm the held sync: " + e.getMessage(), e);
        }
    }
}
