package dev.quire.db.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.quire.mail.EmailAddress;

/** Reads and writes {@code sync_exclusion}: synced members who left and must not be added back. */
public final class SyncExclusionRepository {
    private final DataSource dataSource;

    public SyncExclusionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Excludes an address from a roster's syncs (idempotent). */
    public void exclude(ListRole roster, EmailAddress address) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT IGNORE INTO sync_exclusion (list_id, role, address) VALUES (?, ?, ?)")) {
            s.setLong(1, roster.listId());
            s.setString(2, roster.role().name());
            s.setString(3, address.toString());
            s.executeUpdate();
        }
    }

    /** Lifts an exclusion; true when there was one. */
    public boolean lift(ListRole roster, EmailAddress address) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "DELETE FROM sync_exclusion WHERE list_id = ? AND role = ? AND address = ?")) {
            s.setLong(1, roster.listId());
            s.setString(2, roster.role().name());
            s.setString(3, address.toString());
            return s.executeUpdate() > 0;
        }
    }

    /** The excluded addresses of a roster, lower-cased. */
    public Set<String> excluded(ListRole roster) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT address FROM sync_exclusion WHERE list_id = ? AND role = ?")) {
            s.setLong(1, roster.listId());
            s.setString(2, roster.role().name());
            Set<String> out = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return out;
        }
    }
}
