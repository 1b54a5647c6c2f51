package dev.quire.db.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.quire.mail.EmailAddress;

/**
 * A list's roster in bulk, for membership sync: read it whole, write a change in batches in one transaction.
 * Touches only the columns a sync owns (never a member's own options).
 */
public final class RosterRepository {
    private static final int BATCH = 1000;

    private final DataSource dataSource;

    public RosterRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The id of the list with this posting address. */
    public Optional<Long> listId(EmailAddress posting) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT l.id FROM mailing_list l JOIN domain d"
                        + " ON d.id = l.domain_id WHERE l.name = ? AND d.name = ?")) {
            s.setString(1, posting.localPart());
            s.setString(2, posting.domain());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The posting address of a list. */
    public String listAddress(long listId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT CONCAT(l.name, '@', d.name) FROM mailing_list l"
                        + " JOIN domain d ON d.id = l.domain_id WHERE l.id = ?")) {
            s.setLong(1, listId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "list " + listId;
            }
        }
    }

    /** The roster keyed by lower-cased address. */
    public Map<String, RosterEntry> load(ListRole roster) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, address, subscribed_by_hand, sync_source_id"
                        + " FROM member WHERE list_id = ? AND role = ?")) {
            s.setLong(1, roster.listId());
            s.setString(2, roster.role().name());
            s.setFetchSize(BATCH);
            Map<String, RosterEntry> out = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long source = rs.getLong(4);
                    RosterEntry e = new RosterEntry(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                            rs.wasNull() ? null : source);
                    out.put(e.address().toLowerCase(Locale.ROOT), e);
                }
            }
            return out;
        }
    }

    /** Writes a change to a roster in one transaction. */
    public void apply(ListRole roster, RosterChange change) throws SQLException {
        if (change.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                insert(c, roster, change);
                updateSources(c, change.sourceChanges());
                delete(c, change);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static void insert(Connection c, ListRole roster, RosterChange change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO member (list_id, address, display_name, role,"
                + " subscribed_by_hand, sync_source_id) VALUES (?, ?, ?, ?, FALSE, ?)")) {
            int n = 0;
            for (RosterChange.Addition a : change.additions()) {
                s.setLong(1, roster.listId());
                s.setString(2, a.address());
                s.setString(3, a.displayName());
                s.setString(4, roster.role().name());
                s.setLong(5, a.sourceId());
                s.addBatch();
                if (++n % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static void updateSources(Connection c, Map<Long, Long> changes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE member SET sync_source_id = ? WHERE id = ?")) {
            int n = 0;
            for (Map.Entry<Long, Long> e : changes.entrySet()) {
                s.setLong(1, e.getValue());
                s.setLong(2, e.getKey());
                s.addBatch();
                if (++n % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static void delete(Connection c, RosterChange change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM member WHERE id = ?")) {
            int n = 0;
            for (Long id : change.removals()) {
                s.setLong(1, id);
                s.addBatch();
                if (++n % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }
}
