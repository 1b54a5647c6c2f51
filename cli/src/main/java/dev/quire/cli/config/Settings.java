package dev.quire.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The resolved {@code quire.*} configuration: an immutable, sorted map of keys to values.
 *
 * <p>
 * Sources, lowest to highest precedence: {@link #DEFAULTS}; a properties file ({@code --config FILE}, else
 * {@code quire.properties} in the working directory if present); {@code QUIRE_*} environment variables; JVM system
 * properties {@code quire.*}. Keys the launcher does not know are carried along untouched.
 */
public final class Settings {

    public static final String PREFIX = "quire.";
    public static final String ENVIRONMENT_PREFIX = "QUIRE_";
    public static final String DEFAULT_FILE_NAME = "quire.properties";

    public static final String DATA_DIR = "quire.data.dir";
    public static final String DB_URL = "quire.db.url";
    public static final String DB_USER = "quire.db.user";
    public static final String DB_PASSWORD = "quire.db.password";
    public static final String DB_EMBEDDED_PORT = "quire.db.embedded.port";
    public static final String HTTP_PORT = "quire.http.port";
    public static final String SMTP_PORT = "quire.smtp.port";
    public static final String SMTP_BIND = "quire.smtp.bind";
    public static final String INTERNAL_PORT = "quire.internal.port";
    public static final String LMTP_PORT = "quire.lmtp.port";
    public static final String JAVA_OPTIONS = "quire.java.options";

    /** Built-in defaults; {@link #DB_URL}, {@link #DB_USER} and {@link #DB_PASSWORD} have none. */
    public static final Map<String, String> DEFAULTS = Map.of(
            DATA_DIR, "./var",
            DB_EMBEDDED_PORT, "3307",
            HTTP_PORT, "8080",
            SMTP_PORT, "2525",
            SMTP_BIND, "127.0.0.1",
            INTERNAL_PORT, "2526",
            LMTP_PORT, "8024",
            JAVA_OPTIONS, "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Resolves the configuration from all sources.
     *
     * @param configFile       the file named by {@code --config}; when given it must exist
     * @param workingDirectory where {@code quire.properties} is looked for and relative paths are resolved
     * @param environment      the process environment
     * @param systemProperties the JVM system properties
     */
    public static Settings resolve(Optional<Path> configFile, Path workingDirectory, Map<String, String> environment,
            Properties systemProperties) throws IOException {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        Optional<Path> file = configFile.map(workingDirectory::resolve);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new NoSuchFileException(file.get().toString(), null, "configuration file not found");
        }
        Path implicit = workingDirectory.resolve(DEFAULT_FILE_NAME);
        if (file.isEmpty() && Files.isRegularFile(implicit)) {
            file = Optional.of(implicit);
        }
        if (file.isPresent()) {
            merged.putAll(quireKeys(load(file.get())));
        }
        environment.forEach((name, value) -> keyForEnvironmentVariable(name).ifPresent(key -> merged.put(key, value)));
        merged.putAll(quireKeys(systemProperties));
        Path dataDir = workingDirectory.resolve(merged.get(DATA_DIR)).toAbsolutePath().normalize();
        merged.put(DATA_DIR, dataDir.toString());
        return new Settings(merged);
    }

    /**
     * Maps an environment variable name to its key: {@code QUIRE_DB_URL} is {@code quire.db.url}. Names without the
     * {@code QUIRE_} prefix are not configuration.
     */
    public static Optional<String> keyForEnvironmentVariable(String name) {
        if (!name.startsWith(ENVIRONMENT_PREFIX) || name.length() == ENVIRONMENT_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(name.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** Settings built from exactly these values, for callers and tests that already hold resolved values. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of a key that has a default or was set earlier by the launcher. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException(key + " is not set"));
    }

    /** The value of a key as a TCP port number. */
    public int port(String key) {
        String value = require(key).trim();
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a port number (1-65535), not '" + value + "'");
    }

    /** Fails on the first port key whose value is not a port number, before anything is started. */
    public void checkPorts() {
        for (String key : List.of(DB_EMBEDDED_PORT, HTTP_PORT, SMTP_PORT, INTERNAL_PORT, LMTP_PORT)) {
            port(key);
        }
    }

    public Path dataDir() {
        return Path.of(require(DATA_DIR));
    }

    /** A copy with one key set. */
    public Settings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    /** All keys and values, sorted by key. */
    public Map<String, String> asMap() {
        return values;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Map<String, String> quireKeys(Properties properties) {
        Map<String, String> keys = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                keys.put(name, properties.getProperty(name));
            }
        }
        return keys;
    }
}
