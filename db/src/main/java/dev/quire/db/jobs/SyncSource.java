package dev.quire.db.jobs;

import dev.quire.db.list.MemberRole;

/**
 * One source of a list's roster in one role.
 *
 * @param location a data source name (SQL) or a file path (CSV, FILE)
 * @param query the SQL query, for SQL sources
 * @param addressColumn for CSV: the header name, or the 1-based column number without a header
 * @param nameColumn for CSV: as addressColumn, or null when the file has no names
 */
public record SyncSource(long id, long listId, MemberRole role, String name, SyncSourceKind kind, String location,
        String query, String addressColumn, String nameColumn, boolean hasHeader, char delimiter) {

    /** A new source (id 0 until stored). */
    public static SyncSource sql(long listId, MemberRole role, String name, String dataSource, String query) {
        return new SyncSource(0, listId, role, name, SyncSourceKind.SQL, dataSource, query, null, null, false, ',');
    }

    /** A new CSV source with a header line naming the columns. */
    public static SyncSource csv(long listId, MemberRole role, String name, String path, String addressColumn,
            String nameColumn) {
        return new SyncSource(0, listId, role, name, SyncSourceKind.CSV, path, null, addressColumn, nameColumn, true,
                ',');
    }

    /** A new plain-file source. */
    public static SyncSource file(long listId, MemberRole role, String name, String path) {
        return new SyncSource(0, listId, role, name, SyncSourceKind.FILE, path, null, null, null, false, ',');
    }

    /** The same source with another id. */
    public SyncSource withId(long newId) {
        return new SyncSource(newId, listId, role, name, kind, location, query, addressColumn, nameColumn, hasHeader,
                delimiter);
    }

    /** The same CSV source read with column numbers and no header line. */
    public SyncSource withoutHeader(char newDelimiter) {
        return new SyncSource(id, listId, role, name, kind, location, query, addressColumn, nameColumn, false,
                newDelimiter);
    }
}
