package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.DeliveryMode;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.outgoing.Verp;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

class ToOutgoingTest {
    private static Member member(MailingList list, String address) {
        return new Member(list, EmailAddress.parse(address), MemberRole.MEMBER);
    }

    @Test
    void digestMembersAndANotMetooAuthorGetNoRegularCopy() {
        Post post = ListFixtures.post("From: Alice <Alice@Example.test>\r\n\r\nbody\r\n");
        MailingList list = post.list();
        Member alice = member(list, "alice@example.test");
        alice.setReceiveOwnPostings(false);
        Member bob = member(list, "bob@example.test");
        Member carol = member(list, "carol@example.test");
        carol.setDeliveryMode(DeliveryMode.MIME_DIGEST);
        Member dave = member(list, "dave@example.test");
        dave.setDeliveryMode(DeliveryMode.PLAIN_DIGEST);
        Member erin = member(list, "erin@example.test");
        erin.setReceiveOwnPostings(false);

        List<String> to = ToOutgoing.recipients(post, List.of(alice, bob, carol, dave, erin)).stream()
                .map(m -> m.address().toString()).toList();
        assertEquals(List.of("bob@example.test", "erin@example.test"), to);
    }

    @Test
    void anAuthorWhoWantsOwnPostsGetsThem() {
        Post post = ListFixtures.post("From: alice@example.test\r\n\r\nbody\r\n");
        Member alice = member(post.list(), "alice@example.test");
        assertEquals(List.of(alice), ToOutgoing.recipients(post, List.of(alice)));
    }

    @Test
    void verpFoldsTheRecipientIntoTheBounceAddress() {
        assertEquals(EmailAddress.parse("demo-bounces+bob=example.org@lists.example.test"),
                Verp.encode(EmailAddress.parse("demo-bounces@lists.example.test"),
                        EmailAddress.parse("bob@example.org")));
    }
}
