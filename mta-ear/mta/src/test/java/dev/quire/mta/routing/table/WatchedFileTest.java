package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.to;
import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pick-up of edits without a reload step, through the public tables. */
class WatchedFileTest {
    @TempDir
    Path config;

    @Test
    void anEditedAliasFileIsPickedUpWithoutAnyReloadCall() {
        Path file = write(config.resolve("aliases/example.org"), "help: rt");
        AliasFiles aliases = new AliasFiles(config, Duration.ZERO);
        assertEquals(List.of(to("rt@example.org")), aliases.lookup("help@example.org").orElseThrow());
        write(file, "help: ticket-system@example.net");
        assertEquals(List.of(to("ticket-system@example.net")), aliases.lookup("help@example.org").orElseThrow());
    }

    @Test
    void anAliasFileCreatedLaterIsPickedUp() {
        AliasFiles aliases = new AliasFiles(config, Duration.ZERO);
        assertEquals(Optional.empty(), aliases.lookup("help@example.org"));
        write(config.resolve("aliases/example.org"), "help: rt");
        assertEquals(List.of(to("rt@example.org")), aliases.lookup("help@example.org").orElseThrow());
    }

    @Test
    void aBrokenEditKeepsThePreviousTableAndWarnsWithFileAndLine() {
        Path file = write(config.resolve("transport"), "example.net  [mx.example.net]");
        TransportTable transport = new TransportTable(config, Duration.ZERO);
        assertEquals(Optional.of(new TransportRoute("mx.example.net", 25, true)), transport.lookup("example.net"));
        try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
            write(file, "# edited", "example.net  [mx2.example.net]", "example.com  [mx.example.com]:notaport");
            assertEquals(Optional.of(new TransportRoute("mx.example.net", 25, true)), transport.lookup("example.net"));
            assertEquals(Optional.of(new TransportRoute("mx.example.net", 25, true)), transport.lookup("example.net"));
            assertEquals(1, warnings.messages().size(), "warned once per change: " + warnings.messages());
            assertTrue(warnings.messages().get(0).startsWith(file + ":3: bad port"), warnings.messages().get(0));
        }
        write(file, "example.net  [mx2.example.net]");
        assertEquals(Optional.of(new TransportRoute("mx2.example.net", 25, true)), transport.lookup("example.net"));
    }

    @Test
    void aDeletedFileIsAnEmptyTable() throws Exception {
        Path file = write(config.resolve("relay-domains"), "example.net");
        RelayDomains relay = new RelayDomains(config, Duration.ZERO);
        assertTrue(relay.contains("example.net"));
        Files.delete(file);
        assertEquals(Optional.empty(), relay.lookup("example.net"));
    }

    @Test
    void aFileThatIsNotUtf8DoesNotParse() throws Exception {
        Path file = write(config.resolve("relay-domains"), "example.net");
        RelayDomains relay = new RelayDomains(config, Duration.ZERO);
        try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
            Files.write(file, new byte[]{'a', '.', 'b', '\n', (byte) 0xff, 'x', '\n'});
            assertTrue(relay.contains("example.net"));
            assertTrue(warnings.messages().get(0).startsWith(file + ":2: not UTF-8"), warnings.messages().get(0));
        }
    }

    @Test
    void theFileIsCheckedAtMostOncePerInterval() {
        Path file = write(config.resolve("relay-domains"), "example.net");
        RelayDomains relay = new RelayDomains(config, Duration.ofHours(1));
        assertTrue(relay.contains("example.net"));
        write(file, "example.com");
        assertTrue(relay.contains("example.net"), "not re-read before the interval has passed");
        assertEquals(Optional.empty(), relay.lookup("example.com"));
    }
}
