package dev.quire.lists.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quire.db.archive.ArchivedMessage;
import dev.quire.db.archive.ArchivedMessageRepository;
import dev.quire.db.domain.Domain;
import dev.quire.db.list.MailingList;
import dev.quire.lists.DemoDatabaseSetup;
import dev.quire.lists.Jpa;

/** Archive storage, threading, and mbox export and import on a real MariaDB database. */
class ArchiveIT extends DemoDatabaseSetup {
    private static int lists;

    private ArchivedMessageRepository repo;
    private Archiver archiver;
    private ArchiveTransfer transfer;

    @BeforeEach
    void wire() {
        repo = new ArchivedMessageRepository(em);
        archiver = new Archiver(repo);
        ArchiveBatch batch = new ArchiveBatch(repo) {
            @Override
            public int store(MailingList list, List<byte[]> messages) throws Exception {
                return Jpa.inTransaction(em, () -> super.store(list, messages));
            }
        };
        transfer = new ArchiveTransfer(batch, repo);
    }

    private MailingList list() throws Exception {
        return Jpa.inTransaction(em, () -> {
            Domain d = em.createQuery("select d from Domain d where d.name = 'lists.example.test'", Domain.class)
                    .getSingleResult();
            MailingList l = new MailingList(d, "archive" + (++lists), "Archive test", "[a] ");
            em.persist(l);
            return l;
        });
    }

    private ArchivedMessage store(MailingList list, String text) throws Exception {
        byte[] raw = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return Jpa.inTransaction(em, () -> archiver.store(list, raw).orElse(null));
    }

    @Test
    void repliesJoinTheirThreadByInReplyToOrReferencesAndDuplicatesAreSkipped() throws Exception {
        MailingList list = list();
        ArchivedMessage root = store(list, "From: Alice <alice@example.test>\nSubject: [a] plans\n"
                + "Date: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <root@example.test>\n\nWhat are the plans?\n");
        ArchivedMessage reply = store(list, "From: bob@example.test\nSubject: Re: [a] plans\n"
                + "In-Reply-To: <root@example.test>\nMessage-ID: <reply@example.test>\n\nNone yet.\n");
        ArchivedMessage byReferences = store(list, "From: carol@remote.test\nSubject: Re: [a] plans\n"
                + "References: <root@example.test> <reply@example.test> <missing@x.test>\n"
                + "Message-ID: <deep@remote.test>\nContent-Type: text/html; charset=utf-8\n\n<p>Then <i>let's</i> make some.</p>\n");
        ArchivedMessage other = store(list,
                "From: dave@example.test\nSubject: other\nMessage-ID: <other@x.test>\n\nhi\n");

        assertEquals(root.id(), root.threadId());
        assertNull(root.parentId());
        assertEquals(root.id(), reply.parentId());
        assertEquals(root.id(), reply.threadId());
        assertEquals(reply.id(), byReferences.parentId(), "the last References id that is archived is the parent");
        assertEquals(root.id(), byReferences.threadId());
        assertEquals(other.id(), other.threadId());
        assertEquals("Then let's make some.", byReferences.bodyText());
        assertEquals("alice@example.test", root.sender());
        assertEquals("Alice", root.senderName());
        assertEquals("2026-03-02T10:00:00Z", root.sentAt().toString());
        assertEquals("root@example.test", root.messageId());
        assertNull(store(list, "From: alice@example.test\nMessage-ID: <root@example.test>\n\nagain\n"),
                "a Message-ID already archived is skipped");
        em.clear();
        assertEquals(List.of("root@example.test", "reply@example.test", "deep@remote.test"),
                repo.thread(list, root.id()).stream().map(ArchivedMessage::messageId).toList());
    }

    @Test
    void aReplyArchivedBeforeItsParentIsAdoptedWhenTheParentArrives() throws Exception {
        MailingList list = list();
        ArchivedMessage early = store(list, "From: bob@example.test\nSubject: Re: x\nIn-Reply-To: <late@example.test>\n"
                + "Message-ID: <early@example.test>\n\nfirst to arrive\n");
        store(list, "From: carol@remote.test\nSubject: Re: x\nIn-Reply-To: <early@example.test>\n"
                + "Message-ID: <earlier-child@remote.test>\n\nanswers the early one\n");
        ArchivedMessage late = store(list,
                "From: alice@example.test\nSubject: x\nMessage-ID: <late@example.test>\n\nroot\n");
        em.clear();
        ArchivedMessage adopted = repo.byMessageIdHash(list, MessageIds.hash("early@example.test")).orElseThrow();
        assertEquals(late.id(), adopted.parentId());
        assertEquals(late.id(), adopted.threadId());
        assertEquals(List.of("early@example.test", "earlier-child@remote.test", "late@example.test"),
                repo.thread(list, late.id()).stream().map(ArchivedMessage::messageId).toList(),
                "the whole early thread moved under the root");
        assertEquals(early.id(), adopted.id());
    }

    @Test
    void aMailman2MboxImportsThreadedWithoutDuplicatesAndExportsBackAsTheSameMessages() throws Exception {
        MailingList list = list();
        ArchiveTransfer.ImportResult r;
        try (var in = ArchiveIT.class.getResourceAsStream("/archives/mailman2-demo.mbox")) {
            r = transfer.importMbox(list, in);
        }
        assertEquals(4, r.read());
        assertEquals(3, r.imported());
        assertEquals(1, r.duplicates(), "the second copy of <m1@example.test> is skipped");
        em.clear();
        List<ArchivedMessage> all = repo.page(list, 0, 10);
        assertEquals(List.of("m1@example.test", "m2@example.test", "m3@remote.test"),
                all.stream().map(ArchivedMessage::messageId).toList());
        assertTrue(all.stream().allMatch(a -> a.threadId().equals(all.get(0).id())), "one thread");
        assertEquals(all.get(1).id(), all.get(2).parentId());
        assertEquals("alice at example.test", all.get(0).sender(), "pipermail's obfuscated From is kept as written");
        assertTrue(all.get(2).bodyText().contains("From Monday on the office is closed."), all.get(2).bodyText());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(3, Jpa.inTransaction(em, () -> transfer.exportMbox(list, out)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\n>From Monday on the office is closed.\n"));

        MailingList copy = list();
        ArchiveTransfer.ImportResult again = transfer.importMbox(copy, new ByteArrayInputStream(out.toByteArray()));
        assertEquals(3, again.imported());
        em.clear();
        List<ArchivedMessage> copied = repo.page(copy, 0, 10);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(all.get(i).raw(), copied.get(i).raw(), "message " + i + " survives the round trip");
        }
        assertEquals(copied.get(1).id(), copied.get(2).parentId());
    }

    /**
     * {@code -Dquire.bench.archive=5000} measures the import rate for docs/benchmarks.md, on an mbox written as
     * Mailman 2's pipermail writes them: {@code From user at domain  asctime} separators, obfuscated From fields,
     * threads of ten (In-Reply-To and References), unquoted {@code From } body lines quoted as {@code >From }.
     */
    @Test
    void importRate() throws Exception {
        int n = Integer.getInteger("quire.bench.archive", 300);
        ByteArrayOutputStream mbox = new ByteArrayOutputStream();
        String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n".repeat(30);
        for (int i = 0; i < n; i++) {
            String root = "<bench-" + (i - i % 10) + "@example.test>";
            String refs = i % 10 == 0 ? "" : "In-Reply-To: " + root + "\nReferences: " + root + "\n";
            String text = "From user" + (i % 50) + " at example.test  Mon Mar  2 10:00:00 2026\n"
                    + "From: user" + (i % 50) + " at example.test (User " + (i % 50) + ")\nSubject: [Demo] thread "
                    + (i / 10) + "\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <bench-" + i + "@example.test>\n"
                    + refs + "\nmessage " + i + "\n>From the archive, line " + i + "\n" + filler + "\n";
            mbox.write(text.getBytes(StandardCharsets.UTF_8));
        }
        MailingList list = list();
        ArchiveTransfer.ImportResult r = transfer.importMbox(list, new ByteArrayInputStream(mbox.toByteArray()));
        assertEquals(n, r.imported());
        em.clear();
        List<ArchivedMessage> first = repo.page(list, 0, 10);
        assertTrue(first.stream().allMatch(a -> a.threadId().equals(first.get(0).id())), "the first ten are a thread");
        assertTrue(first.stream().skip(1).allMatch(a -> a.parentId().equals(first.get(0).id())));
        System.out.printf("archive import: %d messages (%d KB mbox) in %d ms = %.0f messages/s%n", n,
                mbox.size() / 1024, r.millis(), r.perSecond());
    }
}
