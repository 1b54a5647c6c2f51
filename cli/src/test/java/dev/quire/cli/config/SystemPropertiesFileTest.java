package dev.quire.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPropertiesFileTest {

    @TempDir
    Path work;

    @Test
    void valuesReadBackExactly() throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("quire.db.url", "jdbc:mariadb://127.0.0.1:3307/quire?useSsl=false&a=b");
        values.put("quire.db.password", " p#ss=w:rd\\! ");
        values.put("quire.data.dir", "/srv/quire data/var");
        values.put("quire.list.footer", "line one\nline two\tand tab");
        values.put("quire.site.name", "Bücherei ☃");
        values.put("quire.empty", "");
        Path file = work.resolve("run").resolve("system.properties");

        SystemPropertiesFile.write(file, values);

        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertEquals(values.size(), read.size());
        values.forEach((key, value) -> assertEquals(value, read.getProperty(key), key));
    }

    @Test
    void fileIsPrivateAndSorted() throws IOException {
        Path file = work.resolve("system.properties");
        Files.writeString(file, "stale");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SystemPropertiesFile.write(file, Map.of("quire.b", "2", "quire.a", "1"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(java.util.List.of("quire.a=1", "quire.b=2"),
                Files.readAllLines(file).stream().filter(line -> !line.startsWith("#")).toList());
        try (var leftovers = Files.list(work)) {
            assertEquals(1, leftovers.count());
        }
    }
}
