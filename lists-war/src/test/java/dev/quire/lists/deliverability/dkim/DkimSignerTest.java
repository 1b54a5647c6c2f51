package dev.quire.lists.deliverability.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.deliverability.Dkimpy;
import dev.quire.lists.deliverability.arc.ArcSealer;
import dev.quire.lists.message.MailMessage;

class DkimSignerTest {
    static DkimKey key;

    static final String POST = "From: Alice <alice@example.test>\r\nTo: demo@lists.example.test\r\n"
            + "Subject: [demo] Budget\r\n  for 2026\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\n"
            + "Message-ID: <b1@example.test>\r\nList-Id: Demo list <demo.lists.example.test>\r\n"
            + "List-Unsubscribe: <https://lists.example.test/unsubscribe/abc.def>,\r\n <mailto:demo-leave@lists.example.test>\r\n"
            + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nList-Post: <mailto:demo@lists.example.test>\r\n"
            + "Authentication-Results: lists.example.test; dkim=none\r\n"
            + "\r\nThe  budget   is attached.  \r\n\r\n\r\n";

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        key = new DkimKey("lists.example.test", "quire", pair.getPrivate());
    }

    @Test
    void dkimpyVerifiesTheSignatureAndItCoversTheListFields(@TempDir Path dir) throws Exception {
        MailMessage m = ListFixtures.message(POST);
        DkimSigner.sign(m, key);
        String sig = m.header("DKIM-Signature").orElseThrow();
        assertTrue(sig.contains("d=lists.example.test"), sig);
        assertTrue(sig.contains("s=quire"), sig);
        assertTrue(sig.contains("a=rsa-sha256"), sig);
        assertTrue(sig.replace(" ", "").contains("h=from:to:subject:date:message-id:list-id:list-unsubscribe:"
                + "list-unsubscribe-post:list-post:from"), sig);
        assertTrue(m.rawFields("DKIM-Signature").get(0).lines().allMatch(l -> l.length() < 100), "folded");

        String verdict = Dkimpy.verify(m.toBytes(), key.dnsRecord(), dir);
        assertTrue(verdict.contains("dkim=True"), verdict);

        MailMessage tampered = ListFixtures.message(new String(m.toBytes(), StandardCharsets.ISO_8859_1)
                .replace("List-Unsubscribe-Post: List-Unsubscribe=One-Click", "List-Unsubscribe-Post: x"));
        assertTrue(Dkimpy.verify(tampered.toBytes(), key.dnsRecord(), dir).contains("dkim=False"),
                "a changed List-* field breaks the signature");
    }

    @Test
    void dkimpyValidatesTheArcChain(@TempDir Path dir) throws Exception {
        MailMessage m = ListFixtures.message(POST);
        DkimSigner.sign(m, key);
        ArcSealer.seal(m, key, "lists.example.test", "dkim=none", "none");
        assertEquals("i=1; lists.example.test; dkim=none", m.header("ARC-Authentication-Results").orElseThrow());
        assertTrue(m.header("ARC-Seal").orElseThrow().contains("cv=none"));
        String verdict = Dkimpy.verify(m.toBytes(), key.dnsRecord(), dir);
        assertTrue(verdict.contains("dkim=True"), verdict);
        assertTrue(verdict.contains("arc=pass"), verdict);

        MailMessage changed = ListFixtures.message(new String(m.toBytes(), StandardCharsets.ISO_8859_1)
                .replace("attached.", "attached!"));
        assertTrue(Dkimpy.verify(changed.toBytes(), key.dnsRecord(), dir).contains("arc=fail"),
                "a changed body fails the ARC message signature");
    }

    @Test
    void aPkcs8PemFileGivesTheSameKeyAndTheDnsRecordCarriesThePublicKey(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("k.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        DkimKey read = DkimKey.fromPem("lists.example.test", "s2", pem);
        assertEquals(key.dnsRecord(), read.dnsRecord());
        assertTrue(read.dnsRecord().startsWith("v=DKIM1; k=rsa; p=MIIBIjANBg"), read.dnsRecord());
    }
}
