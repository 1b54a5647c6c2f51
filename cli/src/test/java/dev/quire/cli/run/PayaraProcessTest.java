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
                Path.of("/srv/var/run/system.properties"));

        assertEquals(List.of("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                "/opt/quire/lib/payara-micro.jar", "--nocluster", "--port", "9090", "--rootdir", "/srv/var/payara",
                "--deploy", "/opt/quire/apps/lists.war", "--deploy", "/opt/quire/apps/mta.war",
                "--systemproperties", "/srv/var/run/system.properties"), command);
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
}
