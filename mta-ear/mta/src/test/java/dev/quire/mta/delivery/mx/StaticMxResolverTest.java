package dev.quire.mta.delivery.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticMxResolverTest {
    @TempDir
    Path dir;

    @Test
    void hostsInTheOrderGivenWithPorts() throws Exception {
        Path table = write("# comment\n\nexample.test  mx1.example.test  127.0.0.1:2525 [::1]:2526  # trailing\n"
                + "NULL.test  .\n");
        StaticMxResolver r = new StaticMxResolver(table, null);
        assertEquals(List.of(new MxHost("mx1.example.test", 10, 25), new MxHost("127.0.0.1", 20, 2525),
                new MxHost("::1", 30, 2526)), r.resolve("Example.Test"));
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), r.addresses(new MxHost("127.0.0.1", 20, 2525)));
        MxLookupException nullMx = assertThrows(MxLookupException.class, () -> r.resolve("null.test"));
        assertEquals(MxLookupException.NULL_MX, nullMx.getMessage());
        MxLookupException unknown = assertThrows(MxLookupException.class, () -> r.resolve("other.test"));
        assertTrue(unknown.isPermanent());
        assertTrue(unknown.getMessage().startsWith("550 5.1.2 "));
    }

    @Test
    void unknownDomainsGoToTheFallback() throws Exception {
        MxResolver fallback = domain -> List.of(MxHost.of("fallback." + domain, 5));
        StaticMxResolver r = new StaticMxResolver(write("example.test 127.0.0.1\n"), fallback);
        assertEquals(List.of(MxHost.of("fallback.other.test", 5)), r.resolve("other.test"));
        assertEquals(List.of(MxHost.of("127.0.0.1", 10)), r.resolve("example.test"));
    }

    @Test
    void rereadsTheTableWhenItChangesAndKeepsItWhenBroken() throws Exception {
        Path table = write("example.test 127.0.0.1\n");
        StaticMxResolver r = new StaticMxResolver(table, null);
        Files.writeString(table, "example.test 127.0.0.2:2525\n");
        Files.setLastModifiedTime(table, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of(new MxHost("127.0.0.2", 10, 2525)), r.resolve("example.test"));
        Files.writeString(table, "example.test 127.0.0.3:notaport\n");
        Files.setLastModifiedTime(table, FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals(List.of(new MxHost("127.0.0.2", 10, 2525)), r.resolve("example.test"));
    }

    @Test
    void rejectsBrokenLines() {
        assertThrows(IllegalArgumentException.class, () -> StaticMxResolver.parse(List.of("lonely.test")));
        assertThrows(IllegalArgumentException.class, () -> StaticMxResolver.parse(List.of("a.test [::1")));
        assertThrows(IllegalArgumentException.class, () -> StaticMxResolver.parse(List.of("a.test h", "A.test h")));
    }

    private Path write(String content) throws Exception {
        Path table = dir.resolve("mx");
        Files.writeString(table, content);
        return table;
    }
}
