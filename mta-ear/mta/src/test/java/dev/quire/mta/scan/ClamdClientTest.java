package dev.quire.mta.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zINSTREAM against a real clamd (Debian's clamav-daemon) that knows one local EICAR signature. */
class ClamdClientTest {
    private static final long CLAMD_LIMIT = 1024 * 1024;
    private static ScannerDaemon clamd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startClamd() throws Exception {
        assumeTrue(ScannerDaemon.binary("clamd") != null, "clamd is not installed (Debian: clamav-daemon)");
        clamd = ScannerDaemon.clamd("1M");
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (clamd != null) {
            clamd.close();
        }
    }

    static Path eicarMessage(Path dir) throws IOException {
        return Files.writeString(dir.resolve("eicar.eml"), "From: a@example.test\r\nTo: b@example.test\r\n"
                + "Subject: the EICAR test file\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                + ScannerDaemon.EICAR + "\r\n");
    }

    private static ClamdClient client(long maxLength) {
        return new ClamdClient("127.0.0.1", clamd.port, Duration.ofSeconds(2), Duration.ofSeconds(20), maxLength);
    }

    @Test
    void eicarIsFoundByTheLocalSignature() throws Exception {
        VirusResult r = client(CLAMD_LIMIT).scan(eicarMessage(dir));
        assertTrue(r.infected());
        assertEquals(ScannerDaemon.SIGNATURE + ".UNOFFICIAL", r.name());
    }

    @Test
    void cleanMessageIsOk() throws Exception {
        Path m = Files.writeString(dir.resolve("m.eml"), "Subject: hello\r\n\r\nNothing to see.\r\n");
        assertEquals(new VirusResult(false, null), client(CLAMD_LIMIT).scan(m));
    }

    @Test
    void clamdsOwnSizeLimitIsAnError() throws Exception {
        Path big = Files.write(dir.resolve("big.eml"), new byte[(int) CLAMD_LIMIT * 2]);
        IOException e = assertThrows(IOException.class, () -> client(CLAMD_LIMIT * 4).scan(big));
        assertTrue(e.getMessage() == null || !e.getMessage().contains("\n"));
    }

    @Test
    void atMostMaxLengthOctetsAreSent() throws Exception {
        String head = "Subject: big\r\n\r\n" + "a".repeat((int) CLAMD_LIMIT) + "\r\n";
        Path m = Files.writeString(dir.resolve("m.eml"), head + ScannerDaemon.EICAR + "\r\n");
        assertFalse(client(CLAMD_LIMIT).scan(m).infected(), "the tail past the limit is not sent");
        assertTrue(client(CLAMD_LIMIT).scan(eicarMessage(dir)).infected());
    }

    @Test
    void closedPortIsAnIOException() throws Exception {
        ClamdClient closed = new ClamdClient("127.0.0.1", ScannerDaemon.freePort(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), CLAMD_LIMIT);
        Path m = eicarMessage(dir);
        assertThrows(IOException.class, () -> closed.scan(m));
        assertFalse(closed.ping());
        assertTrue(client(CLAMD_LIMIT).ping());
    }

    @Test
    void repliesParseStrictly() throws Exception {
        assertEquals(new VirusResult(true, "Win.Test.EICAR_HDB-1"),
                ClamdClient.parse("stream: Win.Test.EICAR_HDB-1 FOUND"));
        assertFalse(ClamdClient.parse("stream: OK").infected());
        for (String bad : new String[]{"INSTREAM size limit exceeded. ERROR", "stream: Evil\r\n250 ok FOUND",
                "stream:  FOUND", "UNKNOWN COMMAND", "stream: " + "x".repeat(300) + " FOUND"}) {
            assertThrows(IOException.class, () -> ClamdClient.parse(bad), bad);
        }
        assertThrows(IOException.class, () -> ClamdClient.parse(null));
    }
}
