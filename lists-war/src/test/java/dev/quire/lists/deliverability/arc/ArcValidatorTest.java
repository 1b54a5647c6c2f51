package dev.quire.lists.deliverability.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.lists.deliverability.Dkimpy;
import dev.quire.lists.deliverability.dkim.DkimKey;
import dev.quire.lists.deliverability.dkim.DkimSigner;
import dev.quire.lists.message.MailMessage;

/**
 * ARC chains made by an independent implementation (Debian's dkimpy {@code arc_sign}) are validated, and
 * Quire's next set on top of them is verified by dkimpy's {@code arc_verify}. One key serves every domain
 * here, since the stand-in DNS answers every query with the same record.
 */
class ArcValidatorTest {
    private static final String POST = "From: Alice <alice@upstream.test>\r\nTo: demo@lists.example.test\r\n"
            + "Subject: Budget\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\nMessage-ID: <arc1@upstream.test>\r\n"
            + "Authentication-Results: upstream.test; dkim=none\r\n"
            + "\r\nThe  budget   is attached.  \r\n";
    static DkimKey key;
    static String pkcs1Pem;
    static PublicKeyRecordRetriever dns;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        key = new DkimKey("lists.example.test", "quire", pair.getPrivate());
        pkcs1Pem = Dkimpy.pkcs1Pem(pair.getPrivate());
        dns = (method, selector, domain) -> List.of(key.dnsRecord());
    }

    /** dkimpy adds its next ARC set for the Authentication-Results of {@code domain} on top of the message. */
    private static byte[] dkimpySeal(byte[] message, String domain, Path dir) throws Exception {
        return Dkimpy.arcSign(message, pkcs1Pem, domain, dir);
    }

    private static byte[] withResults(byte[] message, String results) {
        return ("Authentication-Results: " + results + "\r\n" + new String(message, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTwoHopChainSealedByDkimpyPassesAndQuiresThirdSetVerifiesWithDkimpy(@TempDir Path dir) throws Exception {
        byte[] hop1 = dkimpySeal(POST.getBytes(StandardCharsets.US_ASCII), "upstream.test", dir);
        byte[] hop2 = dkimpySeal(withResults(hop1, "relay.test; arc=pass"), "relay.test", dir);
        MailMessage m = MailMessage.parse(hop2);
        assertEquals(2, m.rawFields("ARC-Seal").size(), new String(hop2, StandardCharsets.ISO_8859_1));

        ArcValidator.Result r = new ArcValidator(dns).validate(m);
        assertEquals(new ArcValidator.Result("pass", 2, "all 2 ARC sets verified"), r);

        m.set("Subject", "[demo] Budget"); // the list changes the post; the old message signature no longer holds
        m.setBody("The budget is attached.\r\n-- \r\nDemo list footer\r\n".getBytes(StandardCharsets.US_ASCII));
        DkimSigner.sign(m, key);
        assertEquals(3, ArcSealer.seal(m, key, "lists.example.test", "dkim=none; arc=pass", r.cv()));
        assertTrue(m.header("ARC-Seal").orElseThrow().replaceAll("\\s+", " ").contains("i=3; a=rsa-sha256;"));
        assertTrue(m.header("ARC-Seal").orElseThrow().contains("cv=pass"), m.header("ARC-Seal").orElseThrow());
        assertEquals("i=3; lists.example.test; dkim=none; arc=pass",
                m.header("ARC-Authentication-Results").orElseThrow());

        String verdict = Dkimpy.verify(m.toBytes(), key.dnsRecord(), dir);
        assertTrue(verdict.contains("arc=pass"), verdict + "\n" + new String(m.toBytes(), StandardCharsets.ISO_8859_1));
        assertEquals("pass", new ArcValidator(dns).validate(MailMessage.parse(m.toBytes())).cv(),
                "Quire's validator agrees with dkimpy on its own seal");
    }

    @Test
    void aChangedBodyOrSealFailsTheChainAndQuireThenSealsWithCvFail(@TempDir Path dir) throws Exception {
        String sealed = new String(dkimpySeal(POST.getBytes(StandardCharsets.US_ASCII), "upstream.test", dir),
                StandardCharsets.ISO_8859_1);
        assertEquals("pass", new ArcValidator(dns).validate(MailMessage.parse(sealed.getBytes(
                StandardCharsets.ISO_8859_1))).cv());

        MailMessage body = MailMessage.parse(sealed.replace("attached.", "attached!").getBytes(
                StandardCharsets.ISO_8859_1));
        ArcValidator.Result r = new ArcValidator(dns).validate(body);
        assertEquals("fail", r.cv());
        assertTrue(r.reason().contains("ARC-Message-Signature 1: the body hash does not match"), r.reason());

        MailMessage seal = MailMessage.parse(sealed.replace("i=1; upstream.test; dkim=none",
                "i=1; upstream.test; dkim=pass").getBytes(StandardCharsets.ISO_8859_1));
        r = new ArcValidator(dns).validate(seal);
        assertEquals("fail", r.cv());
        assertTrue(r.reason().startsWith("ARC-Seal 1: the signature does not verify"), r.reason());

        MailMessage noCv = MailMessage.parse(sealed.replace("cv=none", "cv=pass").getBytes(
                StandardCharsets.ISO_8859_1));
        assertEquals("ARC-Seal 1 has cv=pass, not none", new ArcValidator(dns).validate(noCv).reason());

        DkimSigner.sign(body, key);
        assertEquals(2, ArcSealer.seal(body, key, "lists.example.test", "dkim=none; arc=fail", "fail"));
        assertTrue(body.header("ARC-Seal").orElseThrow().contains("cv=fail"));
        assertEquals("fail", new ArcValidator(dns).validate(body).cv(), "a failed chain stays failed");
    }

    @Test
    void aPostWithoutAChainHasNoArcResultAndGetsSetOneWithCvNone(@TempDir Path dir) throws Exception {
        MailMessage m = MailMessage.parse(POST.getBytes(StandardCharsets.US_ASCII));
        assertEquals(new ArcValidator.Result("none", 0, "no ARC sets"), new ArcValidator(dns).validate(m));
        DkimSigner.sign(m, key);
        assertEquals(1, ArcSealer.seal(m, key, "lists.example.test", "dkim=none", "pass"));
        assertTrue(m.header("ARC-Seal").orElseThrow().contains("cv=none"));
        assertTrue(Dkimpy.verify(m.toBytes(), key.dnsRecord(), dir).contains("arc=pass"));
    }
}
