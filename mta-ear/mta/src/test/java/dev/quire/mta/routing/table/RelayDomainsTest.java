package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayDomainsTest {
    @TempDir
    Path config;

    @Test
    void domainsAndSubdomainEntries() {
        write(config.resolve(RelayDomains.FILE), "# relayed", "lcfg.example.org", ".projects.example.org");
        RelayDomains relay = new RelayDomains(config, Duration.ZERO);
        assertEquals(Optional.of("lcfg.example.org"), relay.lookup("LCFG.example.org"));
        assertFalse(relay.contains("www.lcfg.example.org"), "a plain entry matches the domain only");
        assertEquals(Optional.of(".projects.example.org"), relay.lookup("a.b.projects.example.org"));
        assertFalse(relay.contains("projects.example.org"), "a .entry matches subdomains only");
        assertFalse(relay.contains("example.org"));
        assertFalse(relay.contains("[192.0.2.1]"));
    }

    @Test
    void aMissingFileRelaysNothing() {
        assertFalse(new RelayDomains(config, Duration.ZERO).contains("example.org"));
    }

    @Test
    void twoDomainsOnALineIsAnError() {
        Path file = write(config.resolve(RelayDomains.FILE), "a.example b.example");
        try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
            assertFalse(new RelayDomains(config, Duration.ZERO).contains("a.example"));
            assertTrue(warnings.messages().get(0).startsWith(file + ":1: expected one domain per line"));
        }
    }
}
