package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.deliverability.dkim.DkimKey;
import dev.quire.lists.deliverability.dkim.DkimKeys;
import dev.quire.lists.deliverability.OutgoingSigner;
import dev.quire.lists.deliverability.unsubscribe.OneClickUnsubscribe;
import dev.quire.lists.message.MailMessage;
import dev.quire.mail.EmailAddress;

/**
 * The spliced personalized copy is byte for byte the copy made whole, and the splice is refused where it
 * could not be (signed copies, member variables that would be encoded or inside a MIME part).
 */
class PersonalSpliceTest {
    private static final String PLAIN = "From: a@example.org\r\nSubject: [demo] hi\r\nList-Unsubscribe: <mailto:x>\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n.leading dot\r\n";

    private final Copies copies = copies(false);

    private static Copies copies(boolean signing) {
        Copies c = new Copies();
        c.settings = ListFixtures.settings();
        c.unsubscribe = new OneClickUnsubscribe() {
            @Override
            public String url(MailingList list, EmailAddress member) {
                return "https://lists.example.test/unsubscribe/t-" + member.localPart() + "." + member.domain();
            }
        };
        c.signer = new OutgoingSigner(new DkimKeys() {
            @Override
            public Optional<DkimKey> forDomain(String domain) {
                return signing ? Optional.of(new DkimKey(domain, "s", null)) : Optional.empty();
            }
        }, ListFixtures.settings());
        return c;
    }

    private static Member member(MailingList list, String address, String name) {
        Member m = new Member(list, EmailAddress.parse(address), MemberRole.MEMBER);
        m.setDisplayName(name);
        return m;
    }

    private void assertSameAsWhole(MailingList list, MailMessage post, PersonalSplice splice, Member m)
            throws IOException {
        String whole = new String(copies.personal(list, post, null, m), StandardCharsets.ISO_8859_1);
        String spliced = new String(copies.personal(list, post, splice, m), StandardCharsets.ISO_8859_1);
        assertEquals(whole, spliced);
        assertTrue(spliced.contains("List-Unsubscribe: <https://lists.example.test/unsubscribe/t-"
                + m.address().localPart() + "." + m.address().domain()
                + ">, <mailto:demo-leave@lists.example.test>\r\n"),
                spliced);
    }

    @Test
    void memberVariablesInAnInlineFooterAreSplicedIntoTheSameBytes() throws IOException {
        MailingList list = ListFixtures.demo();
        list.pipeline().setHeaderTemplate("To $user_name ($$5)");
        list.pipeline().setFooterTemplate("You are $user_address on $display_name.\nLeave: ${unsubscribe_url}");
        MailMessage post = ListFixtures.message(PLAIN);
        PersonalSplice splice = copies.prepare(list, post);
        assertNotNull(splice);
        assertEquals(4, splice.slotCount(), "the URL in the header field; name, address and URL in header and footer");
        assertSameAsWhole(list, post, splice, member(list, "ann@example.org", "Ann Lee"));
        assertSameAsWhole(list, post, splice, member(list, "bob@example.net", null));
        String bob = new String(copies.personal(list, post, splice, member(list, "bob@example.net", null)),
                StandardCharsets.ISO_8859_1);
        assertTrue(bob.endsWith("\r\nHello.\r\n.leading dot\r\nYou are bob@example.net on Demo list.\r\n"
                + "Leave: https://lists.example.test/unsubscribe/t-bob.example.net\r\n"), bob);
        assertTrue(bob.contains("\r\n\r\nTo bob@example.net ($5)\r\nHello."), bob);
    }

    @Test
    void aMemberWhoseNameCannotBeSplicedGetsTheCopyMadeWhole() throws IOException {
        MailingList list = ListFixtures.demo();
        list.pipeline().setFooterTemplate("Dear $user_name");
        MailMessage post = ListFixtures
                .message(PLAIN.replace("\r\n\r\n", "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"));
        PersonalSplice splice = copies.prepare(list, post);
        assertNotNull(splice);
        assertSameAsWhole(list, post, splice, member(list, "zoe@example.org", "Zoë Ämter"));
        String zoe = new String(copies.personal(list, post, splice, member(list, "zoe@example.org", "Zoë Ämter")),
                StandardCharsets.UTF_8);
        assertTrue(zoe.endsWith("\r\nDear Zoë Ämter\r\n"), zoe);
    }

    @Test
    void aFooterWithoutMemberVariablesIsSplicedEvenIntoAMultipart() throws IOException {
        MailingList list = ListFixtures.demo();
        list.pipeline().setFooterTemplate("About $display_name: $listname");
        MailMessage post = ListFixtures.message("From: a@example.org\r\nSubject: hi\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
                + "Hello.\r\n--b1--\r\n");
        PersonalSplice splice = copies.prepare(list, post);
        assertNotNull(splice);
        assertEquals(1, splice.slotCount(), "only the one-click URL differs");
        assertSameAsWhole(list, post, splice, member(list, "ann@example.org", null));
    }

    @Test
    void noSpliceWhereMemberValuesWouldBeEncodedOrInsideAPartOrTheCopyIsSigned() throws IOException {
        MailingList list = ListFixtures.demo();
        list.pipeline().setFooterTemplate("Leave: $unsubscribe_url");
        assertNull(copies.prepare(list, ListFixtures.message("From: a@example.org\r\nContent-Type: text/html\r\n\r\n"
                + "<p>Hi</p>\r\n")), "HTML: the footer goes into a new part");
        assertNull(copies.prepare(list, ListFixtures.message("From: a@example.org\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Hi=\r\n")), "quoted-printable: the footer is encoded");
        assertNull(copies(true).prepare(list, ListFixtures.message(PLAIN)), "a signature covers the whole copy");
    }
}
