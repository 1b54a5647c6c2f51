package dev.quire.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path work;

    @Test
    void defaultsApplyWhenNothingIsConfigured() throws IOException {
        Settings settings = Settings.resolve(Optional.empty(), work, Map.of(), new Properties());

        assertEquals("2525", settings.require(Settings.SMTP_PORT));
        assertEquals(8080, settings.port(Settings.HTTP_PORT));
        assertEquals("127.0.0.1", settings.require(Settings.SMTP_BIND));
        assertEquals("-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1", settings.require(Settings.JAVA_OPTIONS));
        assertTrue(settings.get(Settings.DB_URL).isEmpty());
    }

    @Test
    void dataDirIsResolvedToAnAbsolutePath() throws IOException {
        Settings settings = Settings.resolve(Optional.empty(), work, Map.of(), new Properties());

        assertEquals(work.resolve("var").toAbsolutePath().normalize(), settings.dataDir());
        assertTrue(settings.dataDir().isAbsolute());
    }

    @Test
    void eachSourceOverridesTheOneBefore() throws IOException {
        Files.writeString(work.resolve("quire.properties"), """
                quire.http.port=1001
                quire.smtp.port=1002
                quire.lmtp.port=1003
                """);
        Map<String, String> env = Map.of("QUIRE_SMTP_PORT", "2002", "QUIRE_LMTP_PORT", "2003");
        Properties system = new Properties();
        system.setProperty("quire.lmtp.port", "3003");

        Settings settings = Settings.resolve(Optional.empty(), work, env, system);

        assertEquals("1001", settings.require(Settings.HTTP_PORT));
        assertEquals("2002", settings.require(Settings.SMTP_PORT));
        assertEquals("3003", settings.require(Settings.LMTP_PORT));
        assertEquals("2526", settings.require(Settings.INTERNAL_PORT));
    }

    @Test
    void configOptionReplacesTheDefaultFile() throws IOException {
        Files.writeString(work.resolve("quire.properties"), "quire.http.port=1001\n");
        Path other = Files.writeString(work.resolve("other.properties"), "quire.smtp.port=1002\n");

        Settings settings = Settings.resolve(Optional.of(other), work, Map.of(), new Properties());

        assertEquals("8080", settings.require(Settings.HTTP_PORT));
        assertEquals("1002", settings.require(Settings.SMTP_PORT));
    }

    @Test
    void missingConfigFileIsAnError() {
        assertThrows(NoSuchFileException.class,
                () -> Settings.resolve(Optional.of(Path.of("absent.properties")), work, Map.of(), new Properties()));
    }

    @Test
    void unknownQuireKeysPassThroughAndOtherKeysAreIgnored() throws IOException {
        Files.writeString(work.resolve("quire.properties"), "quire.archive.enabled=false\nserver.port=1\n");
        Properties system = new Properties();
        system.setProperty("user.name", "someone");
        system.setProperty("quire.mta.hostname", "mx.example.test");

        Settings settings = Settings.resolve(Optional.empty(), work, Map.of("HOME", "/root"), system);

        assertEquals("false", settings.require("quire.archive.enabled"));
        assertEquals("mx.example.test", settings.require("quire.mta.hostname"));
        assertTrue(settings.asMap().keySet().stream().allMatch(key -> key.startsWith("quire.")));
    }

    @Test
    void environmentNamesMapToKeys() {
        assertEquals(Optional.of("quire.db.url"), Settings.keyForEnvironmentVariable("QUIRE_DB_URL"));
        assertEquals(Optional.of("quire.data.dir"), Settings.keyForEnvironmentVariable("QUIRE_DATA_DIR"));
        assertEquals(Optional.of("quire.db.embedded.port"),
                Settings.keyForEnvironmentVariable("QUIRE_DB_EMBEDDED_PORT"));
        assertFalse(Settings.keyForEnvironmentVariable("QUIRE_").isPresent());
        assertFalse(Settings.keyForEnvironmentVariable("PATH").isPresent());
        assertFalse(Settings.keyForEnvironmentVariable("quire_db_url").isPresent());
    }

    @Test
    void environmentDataDirIsResolvedAgainstTheWorkingDirectory() throws IOException {
        Settings settings = Settings.resolve(Optional.empty(), work, Map.of("QUIRE_DATA_DIR", "state/../data"),
                new Properties());

        assertEquals(work.resolve("data").toAbsolutePath(), settings.dataDir());
    }

    @Test
    void portsAreValidated() {
        Settings settings = Settings.of(Map.of(Settings.HTTP_PORT, "80a", Settings.SMTP_PORT, "70000"));

        assertThrows(IllegalArgumentException.class, () -> settings.port(Settings.HTTP_PORT));
        assertThrows(IllegalArgumentException.class, () -> settings.port(Settings.SMTP_PORT));
    }

    @Test
    void checkPortsCoversEveryPortKey() throws IOException {
        Settings valid = Settings.resolve(Optional.empty(), work, Map.of(), new Properties());
        valid.checkPorts();

        assertThrows(IllegalArgumentException.class, () -> valid.with(Settings.LMTP_PORT, "0").checkPorts());
    }

    @Test
    void withReturnsACopy() {
        Settings original = Settings.of(Map.of(Settings.HTTP_PORT, "8080"));

        Settings changed = original.with(Settings.DB_URL, "jdbc:mariadb://127.0.0.1:3307/quire");

        assertTrue(original.get(Settings.DB_URL).isEmpty());
        assertEquals("jdbc:mariadb://127.0.0.1:3307/quire", changed.require(Settings.DB_URL));
    }
}
