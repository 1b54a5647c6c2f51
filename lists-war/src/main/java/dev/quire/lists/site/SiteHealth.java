package dev.quire.lists.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;

/**
 * The site at a glance: the database answers, the MTA answers and whether it is quiescent, the queue sizes,
 * and each scheduler node with its last check-in in the shared job store and the newest job run.
 */
@ApplicationScoped
public class SiteHealth {
    /** A scheduler node that has not checked in for this long is reported stale. */
    static final Duration STALE = Duration.ofMinutes(2);

    @Inject
    ListRights rights;

    @Inject
    MtaAdminClient mta;

    @Inject
    SiteQueue queue;

    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    /** A scheduler node: its scheduler, instance id, seconds since it last checked in, and whether that is recent. */
    public record SchedulerNode(String scheduler, String instance, long secondsSinceCheckin, boolean alive) {
    }

    /** The newest run of the scheduled jobs. */
    public record LastRun(String job, String outcome, Instant startedAt) {
    }

    /**
     * The whole report; {@code healthy} when the database and the MTA answer and a scheduler node is alive.
     *
     * @param databaseMillis how long {@code SELECT 1} took, -1 when it failed
     * @param mtaQuiescent null when the MTA did not answer
     */
    public record Report(boolean healthy, boolean database, long databaseMillis, String databaseError,
            boolean mta, Boolean mtaQuiescent, String mtaError, Map<String, Integer> queueSizes,
            List<SchedulerNode> schedulers, LastRun lastRun) {
    }

    public Report check(Account caller) {
        rights.requireSiteAdmin(caller);
        long dbMillis = -1;
        String dbError = null;
        List<SchedulerNode> nodes = new ArrayList<>();
        LastRun last = null;
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
            dbMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            nodes = schedulers(c);
            last = lastRun(c);
        } catch (SQLException e) {
            dbError = "The database did not answer: " + e.getMessage();
        }
        Boolean quiescent = null;
        String mtaError = null;
        Map<String, Integer> sizes = Map.of();
        try {
            MtaAdminClient.Answer answer = mta.get("quiescent");
            if (answer.json() instanceof JsonObject) {
                quiescent = ((JsonObject) answer.json()).getBoolean("quiescent", false);
            }
            sizes = queue.sizes();
        } catch (SiteRefusal e) {
            mtaError = e.getMessage();
        }
        boolean database = dbError == null;
        boolean mtaUp = mtaError == null && quiescent != null;
        boolean scheduler = nodes.stream().anyMatch(SchedulerNode::alive);
        return new Report(database && mtaUp && scheduler, database, dbMillis, dbError, mtaUp, quiescent, mtaError,
                sizes, nodes, last);
    }

    private static List<SchedulerNode> schedulers(Connection c) throws SQLException {
        List<SchedulerNode> nodes = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("SELECT SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME,"
                + " CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE ORDER BY SCHED_NAME, INSTANCE_NAME");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long since = Math.max(0, now - rs.getLong(3));
                long limit = Math.max(STALE.toMillis(), 4 * rs.getLong(4));
                nodes.add(new SchedulerNode(rs.getString(1), rs.getString(2), since / 1000, since <= limit));
            }
        }
        return nodes;
    }

    private static LastRun lastRun(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT job, outcome, started_at FROM job_run ORDER BY id DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new LastRun(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()) : null;
        }
    }
}
