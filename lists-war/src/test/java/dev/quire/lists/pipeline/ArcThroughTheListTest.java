package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Optional;

import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.db.list.MailingList;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.deliverability.Dkimpy;
import dev.quire.lists.deliverability.OutgoingSigner;
import dev.quire.lists.deliverability.dkim.DkimKey;
import dev.quire.lists.deliverability.dkim.DkimKeys;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * A post that arrives with an ARC chain made by dkimpy: {@code validate-authenticity} records {@code arc=pass}
 * (or {@code arc=fail} for a changed body) in this server's Authentication-Results, and the signer seals the copy
 * with the next set and that cv, which dkimpy's {@code arc_verify} accepts.
 */
class ArcThroughTheListTest {
    private static final String POST = "From: Alice <alice@upstream.test>\r\nTo: demo@lists.example.test\r\n"
            + "Subject: Budget\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\nMessage-ID: <arc2@upstream.test>\r\n"
            + "Authentication-Results: upstream.test; dkim=none\r\n\r\nThe budget is attached.\r\n";

    static DkimKey key;
    static String pkcs1Pem;

    private final MailingList list = ListFixtures.demo();
    private final ListsSettings settings = new ListsSettings() {
        @Override
        public String hostname() {
            return "lists.example.test";
        }

        @Override
        public boolean arcEnabled() {
            return true;
        }
    };
    private final PublicKeyRecordRetriever dns = (method, selector, domain) -> List.of(key.dnsRecord());

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        key = new DkimKey("lists.example.test", "quire", pair.getPrivate());
        pkcs1Pem = Dkimpy.pkcs1Pem(pair.getPrivate());
    }

    /** The post as validate-authenticity leaves it, then the copy as the signer sends it. */
    private MailMessage throughTheList(byte[] received) throws Exception {
        Post post = new Post(list, EmailAddress.parse("alice@upstream.test"), MailMessage.parse(received));
        new ValidateAuthenticity(settings, dns).process(post);
        MailMessage copy = post.message();
        copy.set("Subject", "[demo] Budget");
        OutgoingSigner signer = new OutgoingSigner(new DkimKeys() {
            @Override
            public Optional<DkimKey> forDomain(String domain) {
                return Optional.of(key);
            }
        }, settings);
        signer.sign(list, copy);
        return copy;
    }

    @Test
    void aValidChainIsExtendedWithCvPassAndDkimpyVerifiesTheResult(@TempDir Path dir) throws Exception {
        byte[] sealed = Dkimpy.arcSign(POST.getBytes(StandardCharsets.US_ASCII), pkcs1Pem, "upstream.test", dir);
        MailMessage copy = throughTheList(sealed);

        assertEquals("lists.example.test; dkim=none; arc=pass", copy.header("Authentication-Results").orElseThrow());
        assertEquals("i=2; lists.example.test; dkim=none; arc=pass",
                copy.header("ARC-Authentication-Results").orElseThrow());
        String seal = copy.header("ARC-Seal").orElseThrow().replaceAll("\\s+", " ");
        assertTrue(seal.startsWith("i=2; a=rsa-sha256;") && seal.contains("cv=pass"), seal);
        String verdict = Dkimpy.verify(copy.toBytes(), key.dnsRecord(), dir);
        assertTrue(verdict.contains("dkim=True"), verdict);
        assertTrue(verdict.contains("arc=pass"), verdict + "\n" + new String(copy.toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aBrokenChainIsSealedWithCvFail(@TempDir Path dir) throws Exception {
        String sealed = new String(Dkimpy.arcSign(POST.getBytes(StandardCharsets.US_ASCII), pkcs1Pem,
                "upstream.test", dir), StandardCharsets.US_ASCII);
        MailMessage copy = throughTheList(sealed.replace("attached.", "attached!").getBytes(
                StandardCharsets.US_ASCII));

        assertEquals("lists.example.test; dkim=none; arc=fail", copy.header("Authentication-Results").orElseThrow());
        String seal = copy.header("ARC-Seal").orElseThrow().replaceAll("\\s+", " ");
        assertTrue(seal.startsWith("i=2; a=rsa-sha256;") && seal.contains("cv=fail"), seal);
        assertTrue(Dkimpy.verify(copy.toBytes(), key.dnsRecord(), dir).contains("dkim=True"));
    }
}
