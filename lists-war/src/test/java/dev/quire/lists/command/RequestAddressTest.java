package dev.quire.lists.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.TestWorld;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

class RequestAddressTest {
    private static final ListAddress REQUEST = new ListAddress("demo", ListAddress.Function.REQUEST, "");
    private final TestWorld w = new TestWorld();

    private Reply deliver(String envelope, String message) throws Exception {
        return w.requestAddress.deliver(w.list, REQUEST, envelope == null ? null : EmailAddress.parse(envelope),
                message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyLineIsAnsweredInOneReplyFromTheRequestAddress() throws Exception {
        w.add("alice@example.test", MemberRole.MEMBER);
        Reply r = deliver("bounces-alice@example.test", """
                From: Alice <alice@example.test>\r
                To: demo-request@lists.example.test\r
                Subject: set digest mime\r
                Message-ID: <cmd-1@example.test>\r
                \r
                set ack on\r
                frobnicate\r
                \r
                > quoted who\r
                --\r
                Alice\r
                """);

        assertEquals(250, r.code());
        assertEquals(1, w.sent.size());
        TestWorld.Sent reply = w.sent.get(0);
        assertEquals("alice@example.test", reply.notice().to().get(0).toString(), "From wins over the envelope");
        assertEquals("demo-request@lists.example.test", reply.notice().from().toString());
        assertEquals("demo-bounces@lists.example.test", reply.envelopeSender().toString());
        assertEquals("Re: set digest mime", reply.notice().subject());
        assertTrue(reply.wire().contains("\r\nIn-Reply-To: <cmd-1@example.test>\r\n"), reply.wire());
        assertTrue(reply.wire().contains("\r\nAuto-Submitted: auto-replied\r\n"), reply.wire());
        assertEquals("""
                The results of your email commands to demo-request@lists.example.test:

                > set digest mime
                digest is now mime.

                > set ack on
                ack is now on.

                > frobnicate
                Unknown command "frobnicate". Send "help" for the list of commands.

                - Done.
                """, reply.notice().body());
    }

    @Test
    void aMessageWithoutCommandsIsToldSo() throws Exception {
        deliver("erin@remote.test", "From: erin@remote.test\r\nSubject: hello?\r\n\r\nIs anyone there?\r\n");
        assertTrue(w.last("erin@remote.test").notice().body().contains(
                "> Is anyone there?\nUnknown command \"is\"."), w.last("erin@remote.test").notice().body());
    }

    @Test
    void automatedMailIsNeitherObeyedNorAnswered() throws Exception {
        String sub = "Subject: subscribe\r\n\r\nsubscribe\r\n";
        w.list.subscriptions().setSubscriptionPolicy(dev.quire.db.list.SubscriptionPolicy.OPEN);
        assertEquals(250, deliver(null, "From: erin@remote.test\r\n" + sub).code());
        deliver("erin@remote.test", "From: erin@remote.test\r\nAuto-Submitted: auto-replied\r\n" + sub);
        deliver("erin@remote.test", "From: erin@remote.test\r\nPrecedence: bulk\r\n" + sub);
        deliver("erin@remote.test", "From: erin@remote.test\r\nPrecedence: list\r\n" + sub);
        assertTrue(w.sent.isEmpty(), "no answer: " + w.sent);
        assertTrue(w.members.all.isEmpty(), "nobody subscribed");

        deliver("erin@remote.test", "From: erin@remote.test\r\nAuto-Submitted: no\r\n" + sub);
        assertEquals(1, w.members.all.size(), "Auto-Submitted: no is a person");
    }
}
