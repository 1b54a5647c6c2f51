package dev.quire.db.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.quire.db.list.MemberRole;

/** Reads and writes {@code sync_source}. */
public final class SyncSourceRepository {
    private final DataSource dataSource;

    public SyncSourceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new source; returns it with its id. */
    public SyncSource add(SyncSource source) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO sync_source (list_id, role, name, kind, location,"
                        + " query, address_column, name_column, has_header, csv_delimiter)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, source.listId());
            s.setString(2, source.role().name());
            s.setString(3, source.name());
            s.setString(4, source.kind().name());
            s.setString(5, source.location());
            s.setString(6, source.query());
            s.setString(7, source.addressColumn());
            s.setString(8, source.nameColumn());
            s.setBoolean(9, source.hasHeader());
            s.setString(10, String.valueOf(source.delimiter()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return source.withId(keys.getLong(1));
            }
        }
    }

    /** The sources of one roster, in the order they were added. */
    public List<SyncSource> forRoster(ListRole roster) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, list_id, role, name, kind, location, query,"
                        + " address_column, name_column, has_header, csv_delimiter FROM sync_source"
                        + " WHERE list_id = ? AND role = ? ORDER BY id")) {
            s.setLong(1, roster.listId());
            s.setString(2, roster.role().name());
            List<SyncSource> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SyncSource(rs.getLong(1), rs.getLong(2), MemberRole.valueOf(rs.getString(3)),
                            rs.getString(4), SyncSourceKind.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                            rs.getString(11).charAt(0)));
                }
            }
            return out;
        }
    }

    /** Every roster that has at least one source. */
    public List<ListRole> syncedRosters() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT DISTINCT list_id, role FROM sync_source ORDER BY list_id, role");
                ResultSet rs = s.executeQuery()) {
            List<ListRole> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ListRole(rs.getLong(1), MemberRole.valueOf(rs.getString(2))));
            }
            return out;
        }
    }
}
