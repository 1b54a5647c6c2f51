package dev.quire.mta.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spamc protocol against a real spamd (Debian's spamd package), and against hostile replies. */
class SpamdClientTest {
    private static ScannerDaemon spamd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpamd() throws Exception {
        assumeTrue(ScannerDaemon.binary("spamd") != null && Files.isDirectory(Path.of("/etc/spamassassin")),
                "spamd is not installed (Debian: spamassassin spamd)");
        spamd = ScannerDaemon.spamd();
    }

    @AfterAll
    static void stopSpamd() throws Exception {
        if (spamd != null) {
            spamd.close();
        }
    }

    static Path resource(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (var in = SpamdClientTest.class.getResourceAsStream("/scan/" + name)) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    private static SpamdClient client(int port, SpamdClient.Command command) {
        return new SpamdClient("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(20), command);
    }

    @Test
    void gtubeScoresAThousandWithItsReport() throws Exception {
        SpamResult r = client(spamd.port, SpamdClient.Command.REPORT).check(resource(dir, "gtube.eml"));
        assertEquals(1000.0, r.score(), 0.5);
        assertEquals(5.0, r.threshold());
        assertTrue(r.report().contains("GTUBE"), r.report());
        assertTrue(r.report().contains("Content analysis details"), r.report());
    }

    @Test
    void symbolsNamesTheRulesThatHit() throws Exception {
        SpamResult r = client(spamd.port, SpamdClient.Command.SYMBOLS).check(resource(dir, "gtube.eml"));
        assertTrue(r.score() >= 1000.0);
        assertTrue(r.report().contains("GTUBE"), r.report());
    }

    @Test
    void cleanMessageScoresBelowOne() throws Exception {
        SpamResult r = client(spamd.port, SpamdClient.Command.REPORT).check(resource(dir, "clean.eml"));
        assertTrue(r.score() < 1.0, "score " + r.score());
    }

    @Test
    void pingAnswersOnlyWhenSpamdRuns() throws Exception {
        assertTrue(client(spamd.port, SpamdClient.Command.REPORT).ping());
        assertFalse(client(ScannerDaemon.freePort(), SpamdClient.Command.REPORT).ping());
    }

    @Test
    void closedPortIsAnIOException() throws Exception {
        SpamdClient closed = client(ScannerDaemon.freePort(), SpamdClient.Command.REPORT);
        Path m = resource(dir, "clean.eml");
        assertThrows(IOException.class, () -> closed.check(m));
    }

    @Test
    void errorStatusAndMalformedRepliesAreIOExceptions() throws Exception {
        Path m = resource(dir, "clean.eml");
        for (String reply : new String[]{"SPAMD/1.0 76 Bad header line: (EOF)\r\n",
                "SPAMD/1.1 0 EX_OK\r\nContent-length: 2\r\n\r\nhi",
                "SPAMD/1.1 0 EX_OK\r\nSpam: True ; NaN / 5.0\r\n\r\n",
                "SPAMD/1.1 0 EX_OK\r\nSpam: True ; 1e999 / 5.0\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n", "",
                "SPAMD/1.1 0 EX_OK\r\nX: " + "y".repeat(5000) + "\r\n\r\n"}) {
            try (FakeScanner fake = new FakeScanner(reply.getBytes(StandardCharsets.ISO_8859_1))) {
                assertThrows(IOException.class, () -> client(fake.port(), SpamdClient.Command.REPORT).check(m),
                        reply);
            }
        }
    }

    @Test
    void hugeReportIsCutAtTheClientLimit() throws Exception {
        String reply = "SPAMD/1.1 0 EX_OK\r\nContent-length: 10000000\r\nSpam: True ; 7.5 / 5.0\r\n\r\n"
                + "z".repeat(SpamdClient.MAX_REPORT * 3);
        try (FakeScanner fake = new FakeScanner(reply.getBytes(StandardCharsets.ISO_8859_1))) {
            SpamResult r = client(fake.port(), SpamdClient.Command.REPORT).check(resource(dir, "clean.eml"));
            assertEquals(7.5, r.score());
            assertEquals(SpamdClient.MAX_REPORT, r.report().length());
        }
    }

    @Test
    void silentSpamdTimesOut() throws Exception {
        try (FakeScanner fake = new FakeScanner(null)) {
            SpamdClient c = new SpamdClient("127.0.0.1", fake.port(), Duration.ofSeconds(1),
                    Duration.ofMillis(300), SpamdClient.Command.REPORT);
            Path m = resource(dir, "clean.eml");
            long t0 = System.nanoTime();
            assertThrows(IOException.class, () -> c.check(m));
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos());
        }
    }
}
