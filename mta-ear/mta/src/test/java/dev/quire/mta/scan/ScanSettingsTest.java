package dev.quire.mta.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ScanSettingsTest {
    private static ScanSettings read(Map<String, String> config, String listener) {
        return ScanSettings.fromConfig(k -> Optional.ofNullable(config.get(k)), listener);
    }

    @Test
    void defaultsAreScenarioThrees() {
        ScanSettings s = read(Map.of(), "mx");
        assertEquals(new ScanSettings(null, 0, null, 0, 26_214_400L, 40_960L, 1.0, 12.0, false,
                Duration.ofSeconds(5), Duration.ofSeconds(30)), s);
    }

    @Test
    void submissionAndSmtpsFailOpenTheMxListenerDoesNot() {
        assertTrue(read(Map.of(), "submission").failOpen());
        assertTrue(read(Map.of(), "smtps").failOpen());
        assertFalse(read(Map.of(), "mx").failOpen());
        assertFalse(read(Map.of("quire.scan.submission.failopen", "false"), "submission").failOpen());
        assertTrue(read(Map.of("quire.scan.mx.failopen", "TRUE"), "mx").failOpen());
    }

    @Test
    void everyKeyIsRead() {
        ScanSettings s = read(Map.of("quire.scan.spamd", "spamd.example.test:783", "quire.scan.clamd", "[::1]:3310",
                "quire.scan.clamd.maxsize", "1000", "quire.scan.spam.maxsize", "512000", "quire.scan.spam.headers",
                "2.5", "quire.scan.spam.reject", "8", "quire.scan.connecttimeout", "PT1S", "quire.scan.timeout",
                "PT2M"), "mx");
        assertEquals(new ScanSettings("spamd.example.test", 783, "::1", 3310, 1000, 512_000, 2.5, 8.0, false,
                Duration.ofSeconds(1), Duration.ofMinutes(2)), s);
        assertNull(read(Map.of("quire.scan.spamd", " "), "mx").spamdHost());
    }

    @Test
    void malformedValuesNameTheirKey() {
        for (Map.Entry<String, String> bad : Map.of("quire.scan.spamd", "spamd", "quire.scan.clamd", "::1:3310",
                "quire.scan.spam.maxsize", "40k", "quire.scan.spam.reject", "NaN", "quire.scan.mx.failopen", "yes",
                "quire.scan.timeout", "30").entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> read(Map.of(bad.getKey(), bad.getValue()), "mx"));
            assertTrue(e.getMessage().startsWith(bad.getKey() + " "), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("quire.scan.spamd", "h:70000"), "mx"));
    }
}
