package dev.quire.cron.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.quire.db.jobs.SyncSource;

/** A query on a named external database: column 1 is the address, column 2 (if any) the name. */
final class SqlSource {
    private static final int FETCH = 1000;
    private static final int TIMEOUT_SECONDS = 300;

    private SqlSource() {
    }

    static SourceReadout read(SyncSource source, ExternalDatabases databases) throws SourceFailure {
        List<SourceEntry> entries = new ArrayList<>();
        List<InvalidLine> invalid = new ArrayList<>();
        try (Connection c = databases.connect(source.location()); Statement s = c.createStatement()) {
            c.setReadOnly(true);
            s.setFetchSize(FETCH);
            s.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(source.query())) {
                boolean named = rs.getMetaData().getColumnCount() >= 2;
                long row = 0;
                while (rs.next()) {
                    row++;
                    Lines.add(source.name(), row, rs.getString(1), named ? rs.getString(2) : null, entries, invalid);
                }
            }
        } catch (SQLException e) {
            throw new SourceFailure(source.name() + ": query on " + source.location() + " failed: " + e.getMessage(),
                    e);
        }
        return new SourceReadout(entries, invalid);
    }
}
