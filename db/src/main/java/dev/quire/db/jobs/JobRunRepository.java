package dev.quire.db.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** Writes and reads {@code job_run}: each statement commits on its own, so a record survives a failing job. */
public final class JobRunRepository {
    private static final String COLUMNS = "id, scheduler, job, node, fire_time, request, parameters, started_at,"
            + " finished_at, outcome, counts, message";

    private final DataSource dataSource;

    public JobRunRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records that a run started; returns its id. */
    public long start(String scheduler, String job, String node, Instant fireTime, String request, String parameters)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO job_run (scheduler, job, node, fire_time, request,"
                                + " parameters, outcome) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, scheduler);
            s.setString(2, job);
            s.setString(3, node);
            s.setTimestamp(4, fireTime == null ? null : Timestamp.from(fireTime));
            s.setString(5, request);
            s.setString(6, parameters);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Records how a run ended. */
    public void finish(long id, JobOutcome outcome, String counts, String message) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE job_run SET finished_at = CURRENT_TIMESTAMP(6),"
                        + " outcome = ?, counts = ?, message = ? WHERE id = ?")) {
            s.setString(1, outcome.name());
            s.setString(2, counts);
            s.setString(3, message);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    /** The latest runs, newest first; of one job when {@code job} is not null. */
    public List<JobRun> recent(String job, int limit) throws SQLException {
        String where = job == null ? "" : " WHERE job = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM job_run" + where
                        + " ORDER BY started_at DESC, id DESC LIMIT ?")) {
            int i = 1;
            if (job != null) {
                s.setString(i++, job);
            }
            s.setInt(i, limit);
            return list(s);
        }
    }

    /** The run that an admin's request caused, once it has started. */
    public Optional<JobRun> byRequest(String request) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM job_run WHERE request = ?")) {
            s.setString(1, request);
            return list(s).stream().findFirst();
        }
    }

    /** Deletes the records of runs that finished before {@code cutoff}; returns how many. */
    public int deleteFinishedBefore(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM job_run WHERE finished_at < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            return s.executeUpdate();
        }
    }

    private static List<JobRun> list(PreparedStatement s) throws SQLException {
        List<JobRun> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new JobRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                        rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
                        JobOutcome.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
