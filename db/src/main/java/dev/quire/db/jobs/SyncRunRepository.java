package dev.quire.db.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.quire.db.list.MemberRole;

/** Reads and writes {@code sync_run}: each roster's sync history. */
public final class SyncRunRepository {
    private static final String COLUMNS = "id, list_id, role, dry_run, ran_at, added, removed, invalid,"
            + " failed_sources, held_removals, hold_id, diff";

    private final DataSource dataSource;

    public SyncRunRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a run; returns its id. */
    public long record(SyncRun run) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO sync_run (list_id, role, dry_run, added,"
                        + " removed, invalid, failed_sources, held_removals, hold_id, diff)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, run.roster().listId());
            s.setString(2, run.roster().role().name());
            s.setBoolean(3, run.dryRun());
            s.setInt(4, run.added());
            s.setInt(5, run.removed());
            s.setInt(6, run.invalid());
            s.setInt(7, run.failedSources());
            s.setInt(8, run.heldRemovals());
            if (run.holdId() == null) {
                s.setNull(9, Types.BIGINT);
            } else {
                s.setLong(9, run.holdId());
            }
            s.setString(10, run.diff());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A list's runs (every role), newest first. */
    public List<SyncRun> forList(long listId, int limit) throws SQLException {
        return query("WHERE list_id = ? ORDER BY id DESC LIMIT ?", s -> {
            s.setLong(1, listId);
            s.setInt(2, limit);
        });
    }

    public Optional<SyncRun> find(long id) throws SQLException {
        return query("WHERE id = ?", s -> s.setLong(1, id)).stream().findFirst();
    }

    /** Deletes the runs recorded before {@code cutoff}; returns how many. */
    public int deleteBefore(java.time.Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM sync_run WHERE ran_at < ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(cutoff));
            return s.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<SyncRun> query(String where, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_run " + where)) {
            binder.bind(s);
            List<SyncRun> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long holdValue = rs.getLong(11);
                    Long hold = rs.wasNull() ? null : holdValue;
                    out.add(new SyncRun(rs.getLong(1),
                            new ListRole(rs.getLong(2), MemberRole.valueOf(rs.getString(3))), rs.getBoolean(4),
                            rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                            rs.getInt(10), hold, rs.getString(12)));
                }
            }
            return out;
        }
    }
}
