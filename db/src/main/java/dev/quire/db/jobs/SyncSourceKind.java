package dev.quire.db.jobs;

/** Where a sync source reads addresses from. */
public enum SyncSourceKind {
    /** A query against a named external data source: column 1 the address, column 2 an optional name. */
    SQL,
    /** A CSV file, with a header naming the columns or with column numbers. */
    CSV,
    /** A plain file, one address per line; blank lines and {@code #} comments are ignored. */
    FILE
}
