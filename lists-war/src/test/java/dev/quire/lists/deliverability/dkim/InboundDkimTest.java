package dev.quire.lists.deliverability.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.message.MailMessage;

class InboundDkimTest {
    @Test
    void reportsPassForAGoodSignatureFailForABrokenOneAndNoneForUnsigned() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        DkimKey author = new DkimKey("example.org", "s1", g.generateKeyPair().getPrivate());
        MailMessage post = ListFixtures.message("From: alice@example.org\r\nSubject: hi\r\n\r\nhello\r\n");
        DkimSigner.sign(post, author);
        InboundDkim inbound = new InboundDkim((method, selector, domain) -> {
            assertEquals("s1", selector.toString());
            return List.of(author.dnsRecord());
        });

        String pass = inbound.results(post);
        assertTrue(pass.startsWith("dkim=pass"), pass);
        assertTrue(pass.contains("header.d=example.org"), pass);

        MailMessage altered = ListFixtures.message(new String(post.toBytes(), StandardCharsets.ISO_8859_1)
                .replace("hello", "HELLO"));
        assertTrue(inbound.results(altered).startsWith("dkim=fail"), inbound.results(altered));
        assertEquals("dkim=none", inbound.results(ListFixtures.message("From: a@b.test\r\n\r\nx\r\n")));
    }
}
