package dev.quire.lists.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quire.db.domain.Domain;
import dev.quire.db.list.DeliveryMode;
import dev.quire.db.list.DigestEntry;
import dev.quire.db.list.DigestEntryRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.DemoDatabaseSetup;
import dev.quire.lists.Jpa;
import dev.quire.lists.RecordingMta;
import dev.quire.mail.EmailAddress;

/** Sending, numbering and the all-or-nothing hand-off of digests, on a real MariaDB database. */
class DigestServiceIT extends DemoDatabaseSetup {
    private static int lists;

    private DigestEntryRepository repo;
    private RecordingMta mta;
    private DigestService service;

    @BeforeEach
    void wire() {
        repo = new DigestEntryRepository(em);
        mta = new RecordingMta();
        service = new DigestService(repo, mta, "lists.example.test");
    }

    private MailingList list() throws Exception {
        return Jpa.inTransaction(em, () -> {
            Domain d = em.createQuery("select d from Domain d where d.name = 'lists.example.test'", Domain.class)
                    .getSingleResult();
            MailingList l = new MailingList(d, "digest" + (++lists), "Digest test", "[d] ");
            em.persist(l);
            Member mime = new Member(l, EmailAddress.parse("mime@example.test"), MemberRole.MEMBER);
            mime.setDeliveryMode(DeliveryMode.MIME_DIGEST);
            Member plain = new Member(l, EmailAddress.parse("plain@example.test"), MemberRole.MEMBER);
            plain.setDeliveryMode(DeliveryMode.PLAIN_DIGEST);
            em.persist(mime);
            em.persist(plain);
            em.persist(new Member(l, EmailAddress.parse("regular@example.test"), MemberRole.MEMBER));
            return l;
        });
    }

    private void post(MailingList list, String subject) throws Exception {
        byte[] raw = ("From: alice@example.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject.hashCode()
                + "@x>\r\n\r\n" + "text ".repeat(100) + "\r\n").getBytes(StandardCharsets.UTF_8);
        Jpa.inTransaction(em, () -> {
            repo.add(new DigestEntry(list, "alice@example.test", subject, raw));
            return null;
        });
    }

    private boolean send(MailingList list, Instant now) throws Exception {
        boolean sent = Jpa.inTransaction(em, () -> service.send(list, now));
        em.clear();
        return sent;
    }

    @Test
    void eachReaderGetsOneDigestInTheirFormatThenTheEntriesAreGoneAndTheIssueMovesOn() throws Exception {
        MailingList list = list();
        post(list, "one");
        post(list, "two");
        assertTrue(send(list, Instant.parse("2026-03-02T18:00:00Z")));

        assertEquals(2, mta.handoffs.size());
        assertEquals(List.of(EmailAddress.parse("mime@example.test")), mta.handoffs.get(0).recipients());
        assertEquals(List.of(EmailAddress.parse("plain@example.test")), mta.handoffs.get(1).recipients());
        assertEquals(EmailAddress.parse(list.name() + "-bounces@lists.example.test"), mta.handoffs.get(0).sender());
        String mime = new String(mta.handoffs.get(0).message(), StandardCharsets.UTF_8);
        assertTrue(mime.contains("Subject: Digest test Digest, Vol 1, Issue 1"), mime);
        assertTrue(mime.contains("multipart/digest"), mime);
        String plain = new String(mta.handoffs.get(1).message(), StandardCharsets.UTF_8);
        assertTrue(plain.contains("End of Digest test Digest, Vol 1, Issue 1"), plain);
        assertEquals(0, repo.pending(list).size());
        assertTrue(!send(list, Instant.parse("2026-03-03T18:00:00Z")), "nothing pending, nothing sent");

        post(list, "three");
        assertTrue(send(list, Instant.parse("2026-03-04T18:00:00Z")));
        assertTrue(new String(mta.handoffs.get(2).message(), StandardCharsets.UTF_8).contains("Vol 1, Issue 2"));

        post(list, "four");
        assertTrue(send(list, Instant.parse("2027-01-01T06:00:00Z")));
        assertTrue(new String(mta.handoffs.get(4).message(), StandardCharsets.UTF_8).contains("Vol 2, Issue 1"),
                "the first digest of a new year starts a new volume");
    }

    @Test
    void whenTheMtaRefusesNothingIsLostAndTheSameIssueGoesOutLater() throws Exception {
        MailingList list = list();
        post(list, "kept");
        mta.down = true;
        assertThrows(java.io.IOException.class, () -> send(list, Instant.parse("2026-03-02T18:00:00Z")));
        assertEquals(1, repo.pending(list).size());
        mta.down = false;
        assertTrue(send(list, Instant.parse("2026-03-02T19:00:00Z")));
        assertTrue(new String(mta.handoffs.get(0).message(), StandardCharsets.UTF_8).contains("Vol 1, Issue 1"));
    }

    @Test
    void theSizeThresholdAndThePeriodDecideWhenADigestIsDue() throws Exception {
        MailingList list = list();
        Jpa.inTransaction(em, () -> {
            em.find(MailingList.class, list.id()).digests().setDigestSizeThresholdKb(1);
            return null;
        });
        MailingList fresh = em.find(MailingList.class, list.id());
        post(list, "small");
        assertTrue(!Jpa.inTransaction(em, () -> service.sendIfFull(fresh, Instant.now())), "under 1 KB");
        post(list, "pushes it over");
        assertTrue(Jpa.inTransaction(em, () -> service.sendIfFull(fresh, Instant.now())));
        em.clear();
        assertEquals(0, repo.pending(list).size());
        MailingList after = em.find(MailingList.class, list.id());
        assertTrue(!DigestService.due(after.digests(), after.digests().digestLastSentAt().plusSeconds(3600)));
        assertTrue(DigestService.due(after.digests(), after.digests().digestLastSentAt().plusSeconds(86400)));
    }
}
