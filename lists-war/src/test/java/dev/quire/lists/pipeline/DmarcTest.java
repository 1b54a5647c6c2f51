package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.DmarcMitigation;
import dev.quire.db.list.ReplyToPolicy;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.deliverability.dmarc.DmarcLookup;
import dev.quire.lists.deliverability.dmarc.StaticTxtLookup;
import dev.quire.lists.posting.Post;

class DmarcTest {
    private final Dmarc dmarc = new Dmarc(new DmarcLookup(new StaticTxtLookup(Map.of(
            "_dmarc.strict.test", List.of("v=DMARC1; p=reject; rua=mailto:d@strict.test"),
            "_dmarc.lenient.test", List.of("v=DMARC1; p=none")), null), Clock.systemUTC()));

    private Post run(String from, DmarcMitigation how, boolean always) throws IOException {
        Post post = ListFixtures.post("From: " + from + "\r\nTo: demo@lists.example.test\r\nSubject: [demo] hi\r\n"
                + "Message-ID: <1@strict.test>\r\nList-Id: Demo list <demo.lists.example.test>\r\n\r\nbody\r\n");
        post.list().pipeline().setDmarcMitigation(how);
        post.list().pipeline().setDmarcMitigateAlways(always);
        dmarc.process(post);
        return post;
    }

    @Test
    void rejectPolicyMungesFromAndKeepsTheAuthorInReplyTo() throws IOException {
        Post post = run("Alice Smith <alice@strict.test>", DmarcMitigation.MUNGE_FROM, false);
        assertEquals(Optional.of("Alice Smith via Demo list <demo@lists.example.test>"),
                post.message().header("From"));
        assertEquals(Optional.of("Alice Smith <alice@strict.test>"), post.message().header("Reply-To"));
    }

    @Test
    void whenRepliesGoToTheListTheAuthorGoesToCc() throws IOException {
        Post post = ListFixtures.post("From: alice@strict.test\r\nReply-To: demo@lists.example.test\r\n\r\nb\r\n");
        post.list().pipeline().setReplyToPolicy(ReplyToPolicy.LIST);
        dmarc.process(post);
        assertEquals(Optional.of("alice via Demo list <demo@lists.example.test>"), post.message().header("From"));
        assertEquals(Optional.of("alice@strict.test"), post.message().header("Cc"));
        assertEquals(Optional.of("demo@lists.example.test"), post.message().header("Reply-To"));
    }

    @Test
    void aDomainWithoutAStrictPolicyIsLeftAlone() throws IOException {
        assertEquals(Optional.of("bob@lenient.test"),
                run("bob@lenient.test", DmarcMitigation.MUNGE_FROM, false).message().header("From"));
        assertEquals(Optional.of("carol@nowhere.test"),
                run("carol@nowhere.test", DmarcMitigation.MUNGE_FROM, false).message().header("From"));
        assertEquals(Optional.of("dave@strict.test"),
                run("dave@strict.test", DmarcMitigation.NONE, false).message().header("From"));
    }

    @Test
    void alwaysMitigatesEvenWithoutAPolicy() throws IOException {
        assertTrue(run("bob@lenient.test", DmarcMitigation.MUNGE_FROM, true).message().header("From").orElseThrow()
                .endsWith("<demo@lists.example.test>"));
    }

    @Test
    void wrapPutsThePostUntouchedInsideAMessageFromTheList() throws IOException {
        Post post = run("Alice <alice@strict.test>", DmarcMitigation.WRAP, false);
        var m = post.message();
        assertEquals(Optional.of("Alice via Demo list <demo@lists.example.test>"), m.header("From"));
        assertEquals(Optional.of("message/rfc822"), m.header("Content-Type"));
        assertEquals(Optional.of("[demo] hi"), m.header("Subject"));
        assertEquals(Optional.of("Demo list <demo.lists.example.test>"), m.header("List-Id"));
        String inner = new String(m.body(), StandardCharsets.UTF_8);
        assertTrue(inner.startsWith("From: Alice <alice@strict.test>\r\n"), inner);
        assertTrue(inner.endsWith("\r\n\r\nbody\r\n"), inner);
    }
}
