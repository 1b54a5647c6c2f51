package dev.quire.cli.run;

import dev.quire.cli.config.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The account Quire uses on the embedded database: generated on first start, kept in a 0600 properties file and
 * reused afterwards. Passwords are letters and digits only, so they can be placed in SQL without escaping.
 *
 * @param user     the database user
 * @param password its password
 */
public record DatabaseCredentials(String user, String password) {

    public static final String FILE_NAME = "db-credentials.properties";
    static final String USER = "quire";
    private static final int PASSWORD_LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9]{16,}");

    public DatabaseCredentials {
        if (!user.matches("[a-z][a-z0-9_]*") || !SAFE.matcher(password).matches()) {
            throw new IllegalArgumentException("database credentials must be a simple user name and a password of"
                    + " at least 16 letters and digits");
        }
    }

    /** Reads the credentials file, or generates new credentials and writes the file when there is none. */
    public static DatabaseCredentials loadOrCreate(Path file) throws IOException {
        return loadOrCreate(file, new SecureRandom());
    }

    static DatabaseCredentials loadOrCreate(Path file, RandomGenerator random) throws IOException {
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            try {
                return new DatabaseCredentials(properties.getProperty("user", ""),
                        properties.getProperty("password", ""));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        DatabaseCredentials created = new DatabaseCredentials(USER, password.toString());
        PrivateFiles.write(file, "# The embedded database account of this Quire instance; keep private.\n"
                + "user=" + created.user() + "\npassword=" + created.password() + "\n");
        return created;
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[user=" + user + ", password=***]";
    }
}
