package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.addr;
import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasDomainsTest {
    @TempDir
    Path config;

    @Test
    void everyAddressMapsToTheSameLocalPartInTheTargetDomain() {
        write(config.resolve(AliasDomains.FILE), "# virtual domains", "Alias.Example   target.example");
        AliasDomains domains = new AliasDomains(config, Duration.ZERO);
        assertEquals(Optional.of("target.example"), domains.lookup("alias.EXAMPLE"));
        assertEquals(Optional.of(addr("Jane.Doe+x@target.example")), domains.rewrite(addr("Jane.Doe+x@alias.example")));
        assertEquals(Optional.empty(), domains.rewrite(addr("jane@target.example")));
        assertEquals(Optional.empty(), domains.lookup("sub.alias.example"));
    }

    @Test
    void selfAliasAndDuplicatesAreErrors() {
        for (String[] lines : new String[][]{{"a.example a.example"}, {"a.example b.example", "A.example c.example"}}) {
            Path file = write(config.resolve(AliasDomains.FILE), lines);
            try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
                assertEquals(Optional.empty(), new AliasDomains(config, Duration.ZERO).lookup("a.example"));
                assertTrue(warnings.messages().get(0).startsWith(file + ":" + lines.length + ": "));
            }
        }
    }
}
