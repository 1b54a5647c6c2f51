package dev.quire.mta.routing.table;

import static dev.quire.mta.routing.table.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportTableTest {
    @TempDir
    Path config;

    private TransportTable table(String... lines) {
        write(config.resolve(TransportTable.FILE), lines);
        return new TransportTable(config, Duration.ZERO);
    }

    @Test
    void theFourTransportRouteForms() {
        TransportTable t = table("a.example  [smtp.a.example]:2525", "b.example  [smtp.b.example]",
                "c.example  mx.c.example:587", "d.example  D.Example", "e.example  [192.0.2.25]",
                "f.example  [2001:db8::25]:26");
        assertEquals(Optional.of(new TransportRoute("smtp.a.example", 2525, true)), t.lookup("a.example"));
        assertEquals(Optional.of(new TransportRoute("smtp.b.example", 25, true)), t.lookup("b.example"));
        assertEquals(Optional.of(new TransportRoute("mx.c.example", 587, false)), t.lookup("c.example"));
        assertEquals(Optional.of(new TransportRoute("d.example", 25, false)), t.lookup("d.example"));
        assertEquals(Optional.of(new TransportRoute("192.0.2.25", 25, true)), t.lookup("e.example"));
        assertEquals("[smtp.a.example]:2525", t.lookup("a.example").orElseThrow().toString());
        assertEquals("[smtp.b.example]", t.lookup("b.example").orElseThrow().hostSpec());
        assertEquals(26, t.lookup("f.example").orElseThrow().port());
    }

    @Test
    void exactThenClosestParentThenDefault() {
        TransportTable t = table("example.org  [exact.example]", ".example.org  [sub.example]",
                ".deep.example.org  [deep.example]", "*  [default.example]:587");
        assertEquals("exact.example", t.lookup("Example.ORG").orElseThrow().host());
        assertEquals("sub.example", t.lookup("www.example.org").orElseThrow().host());
        assertEquals("deep.example", t.lookup("a.b.deep.example.org").orElseThrow().host());
        assertEquals("sub.example", t.lookup("deep.example.org").orElseThrow().host(), ".deep matches subdomains only");
        assertEquals(new TransportRoute("default.example", 587, true), t.lookup("example.net").orElseThrow());
        assertEquals(new TransportRoute("default.example", 587, true), t.lookup("[192.0.2.1]").orElseThrow());
    }

    @Test
    void noDefaultMeansNoAnswer() {
        assertEquals(Optional.empty(), table("example.org  [x.example]").lookup("example.net"));
        assertEquals(Optional.empty(),
                new TransportTable(config.resolve("nowhere"), Duration.ZERO).lookup("example.org"));
    }

    @Test
    void malformedEntriesAreRejectedWithTheirLine() {
        String[] bad = {"example.org", "example.org  [x.example", "example.org  [x.example]:0",
                "example.org  x.example:99999", "exa_mple.org  x.example", "example.org  x.example extra",
                "example.org  192.0.2.1"};
        for (String line : bad) {
            Path file = write(config.resolve(TransportTable.FILE), "ok.example  [ok.example]", line);
            try (Fixtures.Warnings warnings = new Fixtures.Warnings(WatchedFile.class)) {
                TransportTable t = new TransportTable(config, Duration.ZERO);
                assertEquals(Optional.empty(), t.lookup("ok.example"), line);
                assertTrue(warnings.messages().get(0).startsWith(file + ":2: "), warnings.messages().get(0));
            }
        }
    }
}
