package dev.quire.lists.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.TestWorld;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

class OwnerAddressTest {
    private static final ListAddress OWNER = new ListAddress("demo", ListAddress.Function.OWNER, "");
    private static final String MESSAGE = "From: erin@remote.test\r\nTo: demo-owner@lists.example.test\r\n"
            + "Subject: question\r\nMessage-ID: <q-1@remote.test>\r\n\r\nHow do I join?\r\n";

    private final TestWorld w = new TestWorld();
    private final List<String> handoffs = new ArrayList<>();
    private final OwnerAddress owner = new OwnerAddress();

    OwnerAddressTest() {
        TestWorld.inject(owner, "members", w.members);
        TestWorld.inject(owner, "mta", new MtaSubmission() {
            @Override
            public void submit(EmailAddress sender, List<EmailAddress> recipients, byte[] message) {
                handoffs.add(sender + " " + recipients + "\n" + new String(message, StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void goesToOwnersAndModeratorsOnceFromTheBounceAddressAsItCame() throws Exception {
        w.add("bob@example.test", MemberRole.OWNER);
        w.add("bob@example.test", MemberRole.MODERATOR);
        w.add("alice@example.test", MemberRole.MODERATOR);
        w.add("carol@remote.test", MemberRole.MEMBER);

        Reply r = owner.deliver(w.list, OWNER, EmailAddress.parse("erin@remote.test"), MESSAGE.getBytes(
                StandardCharsets.UTF_8));

        assertEquals(250, r.code());
        assertEquals(List.of("demo-bounces@lists.example.test [alice@example.test, bob@example.test]\n"
                + "X-BeenThere: demo-owner@lists.example.test\r\n" + MESSAGE), handoffs);
    }

    @Test
    void aMessageThatAlreadyPassedIsALoopAndIsDropped() throws Exception {
        w.add("bob@example.test", MemberRole.OWNER);
        owner.deliver(w.list, OWNER, null, ("X-BeenThere: demo-owner@lists.example.test\r\n" + MESSAGE).getBytes(
                StandardCharsets.UTF_8));
        assertTrue(handoffs.isEmpty());
    }

    @Test
    void aListWithoutOwnersRefusesSoTheSenderGetsABounce() throws Exception {
        Reply r = owner.deliver(w.list, OWNER, EmailAddress.parse("erin@remote.test"), MESSAGE.getBytes(
                StandardCharsets.UTF_8));
        assertEquals(550, r.code());
        assertTrue(handoffs.isEmpty());
    }
}
