package dev.quire.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quire.cli.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayaraProcessTest {

    @Test
    void commandLineRunsBothWarsWithTheSystemProperties() {
        Settings settings = Settings.of(Map.of(Settings.DATA_DIR, "/srv/var", Settings.HTTP_PORT, "9090",
                Settings.JAVA_OPTIONS, "  -Xmx256m   -XX:+UseSerialGC "));
        Distribution distribution = new Distribution(Path.of("/opt/quire"));

        List<String> command = PayaraProcess.command(Path.of("/jdk/bin/java"), distribution, settings,
                Path.of("/srv/var/run/system.properties"), Path.of("/srv/var/run/logging.properties"));

        assertEquals(List.of("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                "/opt/quire/lib/payara-micro.jar", "--nocluster", "--port", "9090", "--rootdir", "/srv/var/payara",
                "--deploy", "/opt/quire/apps/lists.war", "--deploy", "/opt/quire/apps/mta.war",
                "--systemproperties", "/srv/var/run/system.properties", "--logproperties",
                "/srv/var/run/logging.properties"), command);
    }

    @Test
    void leftoversOfThePreviousRunAreCleared(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path root = dir.resolve("payara");
        java.nio.file.Files.createDirectories(root.resolve("applications/mta/WEB-INF"));
        java.nio.file.Files.writeString(root.resolve("applications/mta/WEB-INF/web.xml"), "<web-app/>");
        PayaraProcess.clear(root);
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(root));
        PayaraProcess.clear(root);
    }

    @Test
    void payaraLogsOnePlainLinePerRecordWithLoggerAndText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("run").resolve(PayaraProcess.LOGGING_FILE);
        PayaraProcess.writeLoggingProperties(file);
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            p.load(in);
        }
        assertEquals("java.util.logging.ConsoleHandler", p.getProperty("handlers"));
        assertEquals("java.util.logging.SimpleFormatter", p.getProperty("java.util.logging.ConsoleHandler.formatter"));
        assertEquals("INFO", p.getProperty(".level"));
        String line = String.format(p.getProperty("java.util.logging.SimpleFormatter.format"),
                java.time.ZonedDateTime.parse("2026-11-21T10:07:47.681Z"), "source", "dev.quire.mta.queue.QueueManager",
                "INFO", "Q1: removed", "");
        assertEquals("[2026-11-21T10:07:47.681+0000] [INFO] [dev.quire.mta.queue.QueueManager] Q1: removed"
                + System.lineSeparator(), line);
    }
}
