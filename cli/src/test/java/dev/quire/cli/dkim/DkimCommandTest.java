package dev.quire.cli.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.cli.config.Settings;

class DkimCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final DkimCommand command = new DkimCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void generatesAPrivateKeyAndPrintsARecordThatVerifiesItsSignatures(@TempDir Path dir) throws Exception {
        Settings settings = Settings.of(Map.of("quire.data.dir", dir.toString()));
        assertEquals(0, command.run(settings, "lists.example.org", true), err.toString());
        Path pem = dir.resolve("dkim/lists.example.org.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("quire.dkim.lists.example.org.key=" + pem.toAbsolutePath()), printed);

        Matcher m = Pattern.compile("quire\\._domainkey\\.lists\\.example\\.org\\. IN TXT \\( (.+) \\)")
                .matcher(printed);
        assertTrue(m.find(), printed);
        String value = m.group(1).replaceAll("\" \"", "").replace("\"", "");
        assertTrue(m.group(1).split("\" \"").length > 1, "a 2048-bit key needs two strings of at most 255");
        assertTrue(value.startsWith("v=DKIM1; k=rsa; p="), value);

        var publicKey = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(
                        Base64.getDecoder().decode(value.substring("v=DKIM1; k=rsa; p=".length()))));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(DkimCommand.readPem(pem));
        s.update("x".getBytes(StandardCharsets.US_ASCII));
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(publicKey);
        v.update("x".getBytes(StandardCharsets.US_ASCII));
        assertTrue(v.verify(sig), "the published key belongs to the written private key");
    }

    @Test
    void neverReplacesAKeyAndReportsAMissingOne(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("k.pem");
        Settings settings = Settings.of(Map.of("quire.data.dir", dir.toString(), "quire.dkim.example.org.key",
                pem.toString(), "quire.dkim.example.org.selector", "s2026"));
        assertEquals(1, command.run(settings, "example.org", false));
        assertTrue(err.toString().contains("make one with --generate"), err.toString());
        assertEquals(0, command.run(settings, "example.org", true));
        String key = Files.readString(pem);
        assertTrue(out.toString().contains("s2026._domainkey.example.org. IN TXT"), out.toString());
        assertEquals(1, command.run(settings, "example.org", true));
        assertEquals(key, Files.readString(pem));
    }
}
