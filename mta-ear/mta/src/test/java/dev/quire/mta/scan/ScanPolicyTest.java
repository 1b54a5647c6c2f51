package dev.quire.mta.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios 2 and 3's content filter, against a real spamd and clamd where installed. */
class ScanPolicyTest {
    private static ScannerDaemon spamd;
    private static ScannerDaemon clamd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDaemons() throws Exception {
        if (ScannerDaemon.binary("spamd") != null && Files.isDirectory(Path.of("/etc/spamassassin"))) {
            spamd = ScannerDaemon.spamd();
        }
        if (ScannerDaemon.binary("clamd") != null) {
            clamd = ScannerDaemon.clamd("25M");
        }
    }

    @AfterAll
    static void stopDaemons() throws Exception {
        if (spamd != null) {
            spamd.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    /** The settings a listener would read, with spamd and clamd at the given ports (0: not configured). */
    private static ScanPolicy policy(String listener, int spamdPort, int clampPort, Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(extra);
        if (spamdPort > 0) {
            config.put("quire.scan.spamd", "127.0.0.1:" + spamdPort);
        }
        if (clampPort > 0) {
            config.put("quire.scan.clamd", "127.0.0.1:" + clampPort);
        }
        config.putIfAbsent("quire.scan.timeout", "PT20S");
        return ScanPolicy.of(ScanSettings.fromConfig(k -> Optional.ofNullable(config.get(k)), listener));
    }

    private static void needSpamd() {
        assumeTrue(spamd != null, "spamd is not installed (Debian: spamassassin spamd)");
    }

    private static void needClamd() {
        assumeTrue(clamd != null, "clamd is not installed (Debian: clamav-daemon)");
    }

    private Path message(String name) throws Exception {
        return SpamdClientTest.resource(dir, name);
    }

    @Test
    void gtubeIsRejectedAtSmtpTime() throws Exception {
        needSpamd();
        ScanVerdict v = policy("mx", spamd.port, 0, Map.of()).evaluate(message("gtube.eml"));
        assertEquals(new ScanVerdict.Reject(550, "5.7.1", "Message rejected as spam (score 1000.0)"), v);
    }

    @Test
    void spamBelowTheRejectScoreGetsScoreAndReportHeaders() throws Exception {
        needSpamd();
        ScanVerdict v = policy("mx", spamd.port, 0, Map.of("quire.scan.spam.reject", "5000"))
                .evaluate(message("gtube.eml"));
        List<String> headers = assertInstanceOf(ScanVerdict.Accept.class, v).headerLines();
        assertEquals("X-Spam-Score: 1000.0", headers.get(0));
        assertTrue(headers.get(1).startsWith("X-Spam-Report: \r\n\t"), headers.get(1));
        assertTrue(headers.get(1).contains("GTUBE"), headers.get(1));
        assertWellFormed(headers.get(1));
    }

    @Test
    void cleanMailIsAcceptedWithoutHeaders() throws Exception {
        needSpamd();
        needClamd();
        ScanVerdict v = policy("mx", spamd.port, clamd.port, Map.of()).evaluate(message("clean.eml"));
        assertEquals(new ScanVerdict.Accept(List.of()), v);
    }

    @Test
    void messagesOver40kAreNotSpamScanned() throws Exception {
        needSpamd();
        Path big = message("gtube.eml");
        Files.writeString(big, "padding ".repeat(41 * 1024 / 8) + "\r\n", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(Files.size(big) > 40960);
        assertEquals(new ScanVerdict.Accept(List.of()), policy("mx", spamd.port, 0, Map.of()).evaluate(big));
        ScanVerdict raised = policy("mx", spamd.port, 0, Map.of("quire.scan.spam.maxsize", "100000")).evaluate(big);
        assertInstanceOf(ScanVerdict.Reject.class, raised);
    }

    @Test
    void aVirusIsRejectedByName() throws Exception {
        needClamd();
        ScanVerdict v = policy("submission", 0, clamd.port, Map.of()).evaluate(ClamdClientTest.eicarMessage(dir));
        assertEquals(new ScanVerdict.Reject(554, "5.7.1", "Message rejected: virus Quire.Test.EICAR.UNOFFICIAL found"),
                v);
    }

    @Test
    void scannerDownDefersTheMxListener() throws Exception {
        int closed = ScannerDaemon.freePort();
        ScanVerdict v = policy("mx", closed, closed, Map.of()).evaluate(message("clean.eml"));
        assertEquals(new ScanVerdict.Defer(451, "4.7.1", "Content scanner unavailable, try again later"), v);
        assertEquals(v, policy("mx", closed, 0, Map.of()).evaluate(message("clean.eml")));
    }

    @Test
    void scannerDownLetsSubmissionAcceptUnscanned() throws Exception {
        int closed = ScannerDaemon.freePort();
        assertEquals(new ScanVerdict.Accept(List.of("X-Quire-Scan: skipped (scanner unavailable)")),
                policy("submission", closed, closed, Map.of()).evaluate(message("clean.eml")));
        assertEquals(new ScanVerdict.Accept(List.of("X-Quire-Scan: skipped (scanner unavailable)")),
                policy("mx", closed, 0, Map.of("quire.scan.mx.failopen", "true")).evaluate(message("clean.eml")));
    }

    @Test
    void noScannersConfiguredAcceptsAsIs() throws Exception {
        assertEquals(new ScanVerdict.Accept(List.of()), policy("mx", 0, 0, Map.of()).evaluate(message("gtube.eml")));
    }

    @Test
    void hostileReportCannotInjectHeaderFields() throws Exception {
        String report = "line one\r\nX-Injected: yes\r\n\r\nBcc: victim@example.test\rbare CR\nbare LF\u0000NUL\u001b[31m"
                + " caf\u00e9 \u2028sep\t" + "w".repeat(500) + "\r\n" + "long line ".repeat(20_000);
        byte[] body = report.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("SPAMD/1.1 0 EX_OK\r\nContent-length: " + body.length + "\r\nSpam: True ; 5.0 / 5.0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] reply = new byte[head.length + body.length];
        System.arraycopy(head, 0, reply, 0, head.length);
        System.arraycopy(body, 0, reply, head.length, body.length);
        try (FakeScanner fake = new FakeScanner(reply)) {
            ScanVerdict v = policy("mx", fake.port(), 0, Map.of()).evaluate(message("clean.eml"));
            List<String> headers = assertInstanceOf(ScanVerdict.Accept.class, v).headerLines();
            assertEquals(2, headers.size());
            assertEquals("X-Spam-Score: 5.0", headers.get(0));
            String field = headers.get(1);
            assertWellFormed(field);
            assertTrue(field.contains("\r\n\tX-Injected: yes"), field);
            assertTrue(field.contains("bare LF NUL [31m caf? ?sep\r\n\twww"), field);
            assertTrue(field.length() < SpamHeaders.MAX_REPORT + 200, "length " + field.length());
        }
    }

    @Test
    void hostileScoreDefers() throws Exception {
        byte[] reply = "SPAMD/1.1 0 EX_OK\r\nSpam: True ; 99999999999 / 5.0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (FakeScanner fake = new FakeScanner(reply)) {
            assertInstanceOf(ScanVerdict.Defer.class,
                    policy("mx", fake.port(), 0, Map.of()).evaluate(message("clean.eml")));
        }
    }

    /** One field: CRLF only before a TAB, printable ASCII otherwise, no physical line over 78 columns. */
    private static void assertWellFormed(String field) {
        String[] lines = field.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            assertFalse(line.contains("\r") || line.contains("\n"), line);
            assertTrue(line.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f)), line);
            assertTrue(i == 0 || line.startsWith("\t") && line.length() > 1, line);
            assertTrue(line.replace("\t", "        ").length() <= 78, line);
        }
    }
}
