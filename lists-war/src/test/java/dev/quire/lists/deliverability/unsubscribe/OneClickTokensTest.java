package dev.quire.lists.deliverability.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;

class OneClickTokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static OneClickTokens at(Instant when) {
        return new OneClickTokens(SECRET, Duration.ofDays(90), Clock.fixed(when, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsListAndMemberUntilItExpires() {
        String token = at(NOW).issue("demo.lists.example.test", EmailAddress.parse("bob@example.org"));
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "URL-safe: " + token);
        Unsubscription u = at(NOW.plus(Duration.ofDays(89))).verify(token).orElseThrow();
        assertEquals("demo.lists.example.test", u.listId());
        assertEquals(EmailAddress.parse("bob@example.org"), u.address());
        assertEquals(Optional.empty(), at(NOW.plus(Duration.ofDays(90))).verify(token));
    }

    @Test
    void aChangedOrForeignTokenIsRefused() {
        String token = at(NOW).issue("demo.lists.example.test", EmailAddress.parse("bob@example.org"));
        String otherMember = at(NOW).issue("demo.lists.example.test", EmailAddress.parse("eve@example.org"));
        String spliced = otherMember.substring(0, otherMember.indexOf('.')) + token.substring(token.indexOf('.'));
        assertEquals(Optional.empty(), at(NOW).verify(spliced));
        OneClickTokens otherSite = new OneClickTokens(
                "another-secret-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII),
                Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Optional.empty(), otherSite.verify(token));
        assertEquals(Optional.empty(), at(NOW).verify("garbage"));
        assertEquals(Optional.empty(), at(NOW).verify("a.b.c"));
    }

    @Test
    void theSiteSecretIsMadeOnceAndKeptPrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets/unsubscribe.key");
        byte[] first = OneClickUnsubscribe.secretFile(file);
        assertEquals(32, first.length);
        assertEquals("rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(java.util.HexFormat.of().formatHex(first),
                java.util.HexFormat.of().formatHex(OneClickUnsubscribe.secretFile(file)));
    }
}
