package dev.quire.cron.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The named external databases SQL sources query: {@code quire.sync.datasource.<name>.url} (a JDBC URL), with
 * {@code .user} and {@code .password}. Connections are opened per sync and closed after it; give the account
 * read-only rights.
 */
public final class ExternalDatabases {
    private final Function<String, Optional<String>> config;

    public ExternalDatabases(Function<String, Optional<String>> config) {
        this.config = config;
    }

    Connection connect(String name) throws SourceFailure {
        String prefix = "quire.sync.datasource." + name + ".";
        String url = config.apply(prefix + "url")
                .orElseThrow(() -> new SourceFailure("no data source named " + name + " (" + prefix + "url)"));
        try {
            return DriverManager.getConnection(url, config.apply(prefix + "user").orElse(null),
                    config.apply(prefix + "password").orElse(null));
        } catch (SQLException e) {
            throw new SourceFailure("data source " + name + ": " + e.getMessage(), e);
        }
    }
}
