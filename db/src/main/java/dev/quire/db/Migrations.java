package dev.quire.db;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies Quire's Flyway migrations; safe to call from several processes at once (Flyway takes a lock). */
public final class Migrations {
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Migrates the schema behind a JDBC URL; returns the number of migrations applied. */
    public static int migrate(String jdbcUrl, String user, String password) {
        return run(Flyway.configure(Migrations.class.getClassLoader()).dataSource(jdbcUrl, user, password));
    }

    /** Migrates the schema behind a container data source; returns the number of migrations applied. */
    public static int migrate(DataSource dataSource) {
        return run(Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource));
    }

    private static int run(org.flywaydb.core.api.configuration.FluentConfiguration config) {
        MigrateResult result = config.locations(LOCATION).failOnMissingLocations(true).load().migrate();
        return result.migrationsExecuted;
    }
}
