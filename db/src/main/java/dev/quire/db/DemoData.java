package dev.quire.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import dev.quire.db.user.PasswordHash;

/**
 * The demo installation that {@code quire run --demo} creates: local domain {@code example.test} with the
 * Maildir users alice and bob, list domain {@code lists.example.test} with the list {@code demo} whose
 * members are alice, bob and carol@remote.test, and a site admin account. Idempotent.
 */
public final class DemoData {
    public static final String LOCAL_DOMAIN = "example.test";
    public static final String LIST_DOMAIN = "lists.example.test";
    public static final String LIST_NAME = "demo";
    public static final String ADMIN_USER = "admin";
    private static final String[] MEMBERS = {"alice@example.test", "bob@example.test", "carol@remote.test"};
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoData() {
    }

    /**
     * Creates the demo data unless the demo domain already exists.
     *
     * @return the site admin's generated password when this call created the account
     */
    public static Optional<String> seed(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            if (exists(c, "SELECT 1 FROM domain WHERE name = ?", LOCAL_DOMAIN)) {
                return Optional.empty();
            }
            long local = insert(c, "INSERT INTO domain (name, kind) VALUES (?, 'LOCAL')", LOCAL_DOMAIN);
            long lists = insert(c, "INSERT INTO domain (name, kind) VALUES (?, 'LIST')", LIST_DOMAIN);
            for (String user0 : new String[]{"alice", "bob"}) {
                insert(c, "INSERT INTO mailbox (domain_id, local_part) VALUES (?, ?)", local, user0);
            }
            long list = insert(c,
                    "INSERT INTO mailing_list (domain_id, name, display_name, subject_prefix, description)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    lists, LIST_NAME, "Demo list", "[demo] ", "Quire's demonstration list");
            for (String member : MEMBERS) {
                insert(c, "INSERT INTO member (list_id, address, role) VALUES (?, ?, 'MEMBER')", list, member);
            }
            Optional<String> adminPassword = Optional.empty();
            if (!exists(c, "SELECT 1 FROM site_user WHERE username = ?", ADMIN_USER)) {
                String generated = randomPassword();
                insert(c, "INSERT INTO site_user (username, password_hash, site_admin) VALUES (?, ?, TRUE)",
                        ADMIN_USER, PasswordHash.create(generated.toCharArray()));
                adminPassword = Optional.of(generated);
            }
            c.commit();
            return adminPassword;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the demo data: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql), args); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS), args)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
