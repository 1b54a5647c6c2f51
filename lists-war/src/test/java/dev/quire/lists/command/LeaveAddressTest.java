package dev.quire.lists.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.lists.TestWorld;
import dev.quire.mail.EmailAddress;

class LeaveAddressTest {
    @Test
    void anyMessageAsksToLeaveForItsSender() throws Exception {
        TestWorld w = new TestWorld();
        w.add("carol@remote.test", MemberRole.MEMBER);
        w.list.subscriptions().setUnsubscriptionPolicy(SubscriptionPolicy.OPEN);
        w.leaveAddress.deliver(w.list, new ListAddress("demo", ListAddress.Function.LEAVE, ""), EmailAddress.parse(
                "carol@remote.test"),
                "From: carol@remote.test\r\nSubject: bye\r\n\r\n".getBytes(
                        StandardCharsets.UTF_8));

        assertTrue(w.members.all.isEmpty());
        assertTrue(w.last("carol@remote.test").notice().body().contains(
                "> leave\ncarol@remote.test has left demo@lists.example.test.\n"));
        assertEquals(2, w.to("carol@remote.test").size(), "the goodbye and the command reply");
    }
}
