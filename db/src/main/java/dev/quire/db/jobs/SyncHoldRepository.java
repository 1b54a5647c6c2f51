package dev.quire.db.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.quire.db.list.MemberRole;

/** Reads and writes {@code sync_hold}. */
public final class SyncHoldRepository {
    private static final String COLUMNS = "id, list_id, role, status, members, removals, additions, sample, held_at,"
            + " decided_by";

    private final DataSource dataSource;

    public SyncHoldRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a held run, superseding the roster's earlier undecided ones; returns the new hold. */
    public SyncHold hold(ListRole roster, int members, int removals, int additions, String sample)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("UPDATE sync_hold SET status = 'SUPERSEDED',"
                        + " decided_at = CURRENT_TIMESTAMP(6) WHERE list_id = ? AND role = ? AND status = 'HELD'")) {
                    s.setLong(1, roster.listId());
                    s.setString(2, roster.role().name());
                    s.executeUpdate();
                }
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO sync_hold (list_id, role, members, removals,"
                        + " additions, sample) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    s.setLong(1, roster.listId());
                    s.setString(2, roster.role().name());
                    s.setInt(3, members);
                    s.setInt(4, removals);
                    s.setInt(5, additions);
                    s.setString(6, sample);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                c.commit();
                return find(id).orElseThrow();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Optional<SyncHold> find(long id) throws SQLException {
        return query("WHERE id = ?", s -> s.setLong(1, id)).stream().findFirst();
    }

    /** Every hold still waiting for a decision, oldest first. */
    public List<SyncHold> waiting() throws SQLException {
        return query("WHERE status = 'HELD' ORDER BY id", s -> {
        });
    }

    /** Confirms a waiting hold; false when it is not waiting (decided, superseded or unknown). */
    public boolean confirm(long id, String by) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE sync_hold SET status = 'CONFIRMED',"
                        + " decided_at = CURRENT_TIMESTAMP(6), decided_by = ? WHERE id = ? AND status = 'HELD'")) {
            s.setString(1, by);
            s.setLong(2, id);
            return s.executeUpdate() == 1;
        }
    }

    /** The roster's confirmed hold that no run has used yet, if any. */
    public Optional<SyncHold> confirmed(ListRole roster) throws SQLException {
        return query("WHERE list_id = ? AND role = ? AND status = 'CONFIRMED' ORDER BY id DESC", s -> {
            s.setLong(1, roster.listId());
            s.setString(2, roster.role().name());
        }).stream().findFirst();
    }

    /** Marks a confirmed hold as used by a run that removed members under it. */
    public void applied(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE sync_hold SET status = 'APPLIED' WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<SyncHold> query(String where, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_hold " + where)) {
            binder.bind(s);
            List<SyncHold> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SyncHold(rs.getLong(1),
                            new ListRole(rs.getLong(2), MemberRole.valueOf(rs.getString(3))),
                            SyncHoldStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                            rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10)));
                }
            }
            return out;
        }
    }
}
