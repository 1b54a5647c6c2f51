package dev.quire.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                Path.of("/srv/var/run/system.properties"), Path.of("/srv/var/run/logging.properties"),
                Path.of("/opt/quire/lib/quire-cli.jar"));

        assertEquals(List.of("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
                "-Xbootclasspath/a:/opt/quire/lib/quire-cli.jar", "-jar",
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
        assertEquals(LogLineFormatter.class.getName(), p.getProperty("java.util.logging.ConsoleHandler.formatter"));
        assertEquals("INFO", p.getProperty(".level"));
        // the class JUL will load by that name, from the path the launcher appends to Payara's boot class path
        java.nio.file.Path classes = PayaraProcess.launcherClassPath();
        assertTrue(java.nio.file.Files.exists(classes.resolve(LogLineFormatter.class.getName().replace('.', '/')
                + ".class")) || classes.toString().endsWith(".jar"), classes.toString());
    }

    @Test
    void aLogLineHasTimeLevelLoggerTextAndAnyStackTrace() {
        LogLineFormatter f = new LogLineFormatter(java.time.ZoneId.of("UTC"));
        java.util.logging.LogRecord r = new java.util.logging.LogRecord(java.util.logging.Level.INFO, "Q{0}: removed");
        r.setParameters(new Object[]{"1"});
        r.setLoggerName("dev.quire.mta.queue.QueueManager");
        r.setInstant(java.time.Instant.parse("2026-11-21T10:07:47.081Z"));
        assertEquals("[2026-11-21T10:07:47.081+0000] [INFO] [dev.quire.mta.queue.QueueManager] Q1: removed"
                + System.lineSeparator(), f.format(r));
        r.setInstant(java.time.Instant.parse("2026-11-21T10:07:48.9Z"));
        r.setLevel(java.util.logging.Level.SEVERE);
        r.setThrown(new IllegalStateException("disk full"));
        String line = f.format(r);
        assertTrue(line.startsWith("[2026-11-21T10:07:48.900+0000] [SEVERE] [dev.quire.mta.queue.QueueManager] "
                + "Q1: removed" + System.lineSeparator() + "java.lang.IllegalStateException: disk full"), line);
        LogLineFormatter berlin = new LogLineFormatter(java.time.ZoneId.of("Europe/Berlin"));
        assertTrue(berlin.format(r).startsWith("[2026-11-21T11:07:48.900+0100] [SEVERE]"), berlin.format(r));
    }
}
