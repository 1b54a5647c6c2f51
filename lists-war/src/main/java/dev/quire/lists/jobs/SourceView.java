package dev.quire.lists.jobs;

import java.util.Locale;

import dev.quire.db.jobs.SyncSource;

/**
 * A sync source of a list.
 *
 * @param role the roster it fills: {@code member}, {@code owner} or {@code moderator}
 * @param kind {@code SQL}, {@code CSV} or {@code FILE}
 * @param location the external database's name (SQL) or the file's path
 * @param query the SQL query, for SQL sources
 */
public record SourceView(long id, String role, String name, String kind, String location, String query) {
    static SourceView of(SyncSource s) {
        return new SourceView(s.id(), s.role().name().toLowerCase(Locale.ROOT), s.name(), s.kind().name(),
                s.location(), s.query());
    }
}
