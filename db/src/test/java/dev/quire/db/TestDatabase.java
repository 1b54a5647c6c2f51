package dev.quire.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away database on the MariaDB server the tests are pointed at (system properties
 * {@code quire.test.db.host}, {@code .port}, {@code .user}, {@code .password}; default 127.0.0.1:3306, the account scripts/install-test-deps.sh makes),
 * created empty and dropped on close.
 */
public final class TestDatabase implements AutoCloseable {
    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create() throws SQLException {
        String name = "quire_test_" + Long.toString(new SecureRandom().nextLong() >>> 1, 36);
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return new TestDatabase(name);
    }

    /**
     * A database with a fixed name, dropped first if a previous run left it: for containers that must know
     * the name before the test starts (Arquillian deployments read it from their environment).
     */
    public static TestDatabase named(String name) throws SQLException {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("plain database names only: " + name);
        }
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return new TestDatabase(name);
    }

    /** Drops a database made by {@link #named}, if it is there. */
    public static void drop(String name) throws SQLException {
        new TestDatabase(name).close();
    }

    /** Migrates the schema and creates the demo data. */
    public TestDatabase withDemoData() {
        Migrations.migrate(url(), user(), password());
        DemoData.seed(url(), user(), password());
        return this;
    }

    public String name() {
        return name;
    }

    public String url() {
        return serverUrl() + name;
    }

    public static String host() {
        return System.getProperty("quire.test.db.host", "127.0.0.1");
    }

    public static int port() {
        return Integer.getInteger("quire.test.db.port", 3306);
    }

    public static String user() {
        return System.getProperty("quire.test.db.user", "quire_test");
    }

    public static String password() {
        return System.getProperty("quire.test.db.password", "quire_test");
    }

    private static String serverUrl() {
        return "jdbc:mariadb://" + host() + ":" + port() + "/";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
