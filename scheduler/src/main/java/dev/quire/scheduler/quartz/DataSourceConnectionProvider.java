package dev.quire.scheduler.quartz;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/** Gives Quartz's job store connections from the application's data source (the container's pool). */
final class DataSourceConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the container owns the pool
    }

    @Override
    public void initialize() {
        // the container owns the pool
    }
}
