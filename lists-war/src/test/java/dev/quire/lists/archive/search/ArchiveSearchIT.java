package dev.quire.lists.archive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quire.db.archive.ArchiveIndexRepository;
import dev.quire.db.archive.ArchiveIndexRepository.Entry;
import dev.quire.db.archive.ArchivedMessageRepository;
import dev.quire.db.domain.Domain;
import dev.quire.db.list.MailingList;
import dev.quire.lists.DemoDatabaseSetup;
import dev.quire.lists.Jpa;
import dev.quire.lists.archive.ArchiveBatch;
import dev.quire.lists.archive.ArchiveTransfer;
import dev.quire.lists.archive.Archiver;

/**
 * The archive search's newest-first scan against MariaDB's full-text index on the same posts (ADR 0052): the
 * scan must give exactly the index's answer, or step aside; and the per-month counts the archiver keeps (V16).
 */
class ArchiveSearchIT extends DemoDatabaseSetup {
    private static final Duration LIMIT = Duration.ofSeconds(5);
    /** Posts as subject and text, oldest first: case, accents, ligatures, separators, stopwords, short words. */
    private static final String[][] POSTS = {
            {"Picnic", "the cake of lemon"},
            {"Café", "cake, lemon"},
            {"x", "CAKE-lemon tea_time"},
            {"cafe", "ab cake lemon"},
            {"Straße", "the cakes"},
            {"cake", "lemonade"},
            {null, "don't panic"},
            {"jalapeño", "naïve über-cool"},
            {"Œuvre complète", "pancake cakecake"},
            {"123 cake456", "cake_walk"},
            {"Re: lemon", null},
            {"picnic", "lemon\r\n\r\ncake the lemon. Cake... Lemon!!"},
            {"about", "abode, ĳs and STRASSE"},
            {"ÉLAN", "déjà vu; résumé"},
            {"lemon cake", "picnic\nlemon"},
            {"Ångström façade", "Mañana Øre Łódź"},
    };
    private static final List<String> QUERIES = List.of("cake", "CAKE", "lemon", "cake lemon", "\"cake lemon\"",
            "\"lemon cake\"", "cafe", "strasse", "jalapeno", "uber", "cool", "tea", "tea_time", "cak*", "pan*",
            "lemon -picnic", "cake -lemon", "-cake lemon", "don", "panic", "naive", "oeuvre", "complete", "ijs",
            "abo*", "abode", "123", "cake456", "picnic lemon", "\"picnic lemon\"", "elan", "deja", "resume",
            "the", "the cake", "\"the cake\"", "\"cake of lemon\"", "\"cake the lemon\"", "café", "straße", "nothing",
            "lemo*", "\"cake lemo*\"", "lemonade -picnic", "angstrom", "facade", "manana", "ore", "odz", "lodz");

    private static int lists;

    private ArchiveIndexRepository index;

    @BeforeEach
    void wire() {
        index = new ArchiveIndexRepository(em);
    }

    private MailingList list() throws Exception {
        return Jpa.inTransaction(em, () -> {
            Domain d = em.createQuery("select d from Domain d where d.name = 'lists.example.test'", Domain.class)
                    .getSingleResult();
            MailingList l = new MailingList(d, "search" + (++lists), "Search test", "[s] ");
            em.persist(l);
            return l;
        });
    }

    /** Inserts and commits posts (the full-text index sees committed rows). */
    private void posts(MailingList list, List<String[]> posts) throws Exception {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO archived_message"
                        + " (list_id, message_id, message_id_hash, sender, subject, body_text, raw)"
                        + " VALUES (?, ?, UNHEX(SHA2(?, 256)), 'a@example.test', ?, ?, 'x')")) {
            int i = 0;
            for (String[] p : posts) {
                String id = "p" + (++i) + "." + list.id() + "@example.test";
                ps.setLong(1, list.id());
                ps.setString(2, id);
                ps.setString(3, id);
                ps.setString(4, p[0]);
                ps.setString(5, p[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<Long> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
    }

    private List<Long> fullText(MailingList list, SearchQuery q, int offset, int limit) {
        return ids(index.search(list, q.booleanMode(), offset, limit, LIMIT));
    }

    private Optional<List<Long>> scan(MailingList list, SearchQuery q, int window, int offset, int limit) {
        SearchQuery.Scan s = q.scan().orElseThrow();
        ArchiveIndexRepository.Scanned scanned = index.scan(list, s.required(), s.excluded(), window, offset, limit,
                LIMIT);
        return scanned.complete() ? Optional.of(ids(scanned.page())) : Optional.empty();
    }

    @Test
    void theScanFindsExactlyWhatTheFullTextIndexFindsOrStepsAside() throws Exception {
        MailingList list = list();
        posts(list, List.of(POSTS));
        int scanned = 0;
        List<String> differ = new ArrayList<>();
        for (String input : QUERIES) {
            SearchQuery q = SearchQuery.parse(input).orElse(null);
            if (q == null || q.scan().isEmpty()) {
                continue;
            }
            scanned++;
            List<Long> expected = fullText(list, q, 0, 100);
            List<Long> got = scan(list, q, 1000, 0, 100).orElseThrow(() -> new AssertionError(
                    "a window holding the whole list answers " + input));
            if (!expected.equals(got)) {
                differ.add(input + ": full-text " + expected + ", scan " + got);
            }
        }
        assertEquals(List.of(), differ);
        assertTrue(scanned >= 30, "most queries are answered by the scan: " + scanned);
        assertEquals(7, fullText(list, SearchQuery.parse("cake").orElseThrow(), 0, 100).size(),
                "the data holds what the comparison needs");
        assertEquals(2, fullText(list, SearchQuery.parse("cafe").orElseThrow(), 0, 100).size(),
                "cafe finds Café: the collation ignores accents");
        for (String input : List.of("the", "the cake", "\"the cake\"", "\"cake of lemon\"", "café", "abo*")) {
            assertFalse(SearchQuery.parse(input).orElseThrow().scan().isPresent(),
                    input + " is left to the full-text index");
        }
    }

    @Test
    void theScanAnswersFromTheNewestPostsAndStepsAsideWhenTheyHoldLessThanAPage() throws Exception {
        MailingList list = list();
        List<String[]> posts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            posts.add(new String[]{"post " + i, "common words" + (i < 2 ? " and a rare one" : "")});
        }
        posts(list, posts);
        MailingList other = list();
        posts(other, List.<String[]>of(new String[]{"other list", "common and rare words"},
                new String[]{"other list", "rare common words"}));
        SearchQuery common = SearchQuery.parse("common").orElseThrow();
        SearchQuery rare = SearchQuery.parse("rare").orElseThrow();

        Optional<List<Long>> first = scan(list, common, 25, 0, 21);
        assertTrue(first.isPresent(), "25 newest posts fill a page of 21");
        assertEquals(fullText(list, common, 0, 21), first.get());
        assertTrue(first.get().get(0) > first.get().get(20), "newest first");
        assertEquals(Optional.empty(), scan(list, common, 25, 21, 21), "page 2 lies beyond the window");
        assertEquals(Optional.empty(), scan(list, rare, 25, 0, 21),
                "the rare word is in old posts only (the other list's newer ones are not this list's)");
        assertEquals(Optional.of(fullText(list, rare, 0, 21)), scan(list, rare, 100, 0, 21),
                "a window larger than the list answers, however few the matches");
        assertEquals(2, fullText(list, rare, 0, 21).size());
        assertEquals(Optional.of(fullText(other, rare, 0, 21)), scan(other, rare, 25, 0, 21),
                "each list scans its own posts");
        assertEquals(2, fullText(other, rare, 0, 21).size());
    }

    @Test
    void theArchiverCountsPostsPerMonthAsTheyAreStoredAndImported() throws Exception {
        MailingList list = list();
        ArchivedMessageRepository repo = new ArchivedMessageRepository(em);
        Archiver archiver = new Archiver(repo);
        for (String[] m : new String[][]{{"a", "Mon, 2 Mar 2026 10:00:00 +0000"},
                {"b", "Tue, 31 Mar 2026 23:30:00 -0200"},
                {"c", "Thu, 15 Jan 2026 09:00:00 +0000"}, {"a", "Mon, 2 Mar 2026 10:00:00 +0000"}}) {
            byte[] raw = ("From: alice@example.test\r\nSubject: s\r\nDate: " + m[1] + "\r\nMessage-ID: <" + m[0]
                    + "@month.test>\r\n\r\nhello\r\n").getBytes(StandardCharsets.UTF_8);
            Jpa.inTransaction(em, () -> archiver.store(list, raw));
        }
        ArchiveBatch batch = new ArchiveBatch(repo) {
            @Override
            public int store(MailingList l, List<byte[]> messages) throws Exception {
                return Jpa.inTransaction(em, () -> super.store(l, messages));
            }
        };
        String mbox = "From x Mon Mar  2 10:00:00 2026\nFrom: bob@example.test\nSubject: i\n"
                + "Date: Fri, 5 Dec 2025 12:00:00 +0000\nMessage-ID: <d@month.test>\n\nimported\n\n"
                + "From x Mon Mar  2 10:00:00 2026\nFrom: bob@example.test\nSubject: i\n"
                + "Message-ID: <e@month.test>\n\nno date: counted when archived\n\n"
                + "From x Mon Mar  2 10:00:00 2026\nFrom: bob@example.test\nSubject: i\n"
                + "Date: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <a@month.test>\n\nalready archived\n";
        assertEquals(2, new ArchiveTransfer(batch, repo).importMbox(list,
                new ByteArrayInputStream(mbox.getBytes(StandardCharsets.UTF_8))).imported());

        em.clear();
        List<ArchiveIndexRepository.Month> months = index.months(list);
        List<String> counted = months.stream().map(m -> m.year() + "-" + m.month() + ": " + m.posts()).toList();
        assertEquals(counted(list), counted, "the counts equal a count of the posts by UTC month");
        assertTrue(counted.contains("2026-4: 1"), "31 March 23:30 at -02:00 is April in UTC: " + counted);
        assertTrue(counted.contains("2026-3: 1") && counted.contains("2026-1: 1") && counted.contains("2025-12: 1"),
                counted.toString());
        assertEquals(5, months.stream().mapToLong(ArchiveIndexRepository.Month::posts).sum(),
                "the duplicate counts once");
    }

    /** The posts of the list counted by UTC month from the table itself, newest first. */
    private List<String> counted(MailingList list) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = s.executeQuery("SELECT YEAR(COALESCE(sent_at, archived_at)) y,"
                    + " MONTH(COALESCE(sent_at, archived_at)) m, COUNT(*) FROM archived_message WHERE list_id = "
                    + list.id() + " GROUP BY y, m ORDER BY y DESC, m DESC")) {
                while (rs.next()) {
                    out.add(rs.getInt(1) + "-" + rs.getInt(2) + ": " + rs.getLong(3));
                }
            }
        }
        return out;
    }
}
