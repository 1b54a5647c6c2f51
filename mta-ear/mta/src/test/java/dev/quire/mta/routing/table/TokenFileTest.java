package dev.quire.mta.routing.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    private static final String A = "first-relay-token-0123456789abcdef";
    private static final String B = "second-relay-token-0123456789abcdef-longer";

    @TempDir
    Path dir;

    private static List<String> text(TokenFile f) {
        return f.tokens().stream().map(t -> new String(t, StandardCharsets.US_ASCII)).toList();
    }

    @Test
    void tokensAreIssuedAndRevokedByEditingTheFile() throws Exception {
        Path path = dir.resolve("relay-tokens");
        TokenFile file = new TokenFile(path, Duration.ZERO, 24);
        assertEquals(List.of(), text(file), "no file, no token");

        Files.writeString(path, "# the relays of scenario 1\n" + A + "\n\n" + B + "\n");
        assertEquals(List.of(A, B), text(file));

        Files.writeString(path, B + "\n");
        assertEquals(List.of(B), text(file), "A is revoked");

        Files.writeString(path, B + "\nshort-token\n");
        assertEquals(List.of(B), text(file), "a token too short to be safe: the file's last good contents stay");

        Files.delete(path);
        assertEquals(List.of(), text(file));
    }
}
