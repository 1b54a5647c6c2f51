package dev.quire.lists.archive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class ArchiveReaderTest {
    private static ArchiveReader.EntryView post(long id, long thread, String subject) {
        return new ArchiveReader.EntryView(id, thread, subject, "Alice", "2026-11-21 10:00 UTC", "00");
    }

    @Test
    void aMonthIsGroupedByThreadInTheOrderThreadsFirstAppear() {
        List<ArchiveReader.ThreadView> threads = ArchiveReader.threads(List.of(post(1, 1, "Picnic"),
                post(2, 2, "Menu"), post(3, 1, "Re: Picnic"), post(4, 1, "Re: Re: Picnic")));
        assertEquals(2, threads.size());
        assertEquals("Picnic", threads.get(0).first().subject());
        assertEquals(3, threads.get(0).posts());
        assertEquals("Menu", threads.get(1).first().subject());
        assertEquals(1, threads.get(1).posts());
    }

    @Test
    void authorsAreNamedOrTheirAddressIsSpeltOut() {
        assertEquals("Alice Example", ArchiveReader.from("Alice Example", "alice@example.test"));
        assertEquals("alice at example.test", ArchiveReader.from(null, "alice@example.test"));
        assertEquals("(unknown)", ArchiveReader.from(" ", null));
    }

    @Test
    void aSearchStoppedByMariaDbsTimeLimitIsRecognized() {
        SQLException timeout = new SQLException("Query execution was interrupted (max_statement_time exceeded)",
                "70100", 1969);
        assertTrue(ArchiveReader.stoppedByTimeLimit(new PersistenceException("could not execute", timeout)));
        assertTrue(ArchiveReader.stoppedByTimeLimit(new PersistenceException("could not execute",
                new SQLException("Unknown error 188", "HY000", 188))));
        assertFalse(ArchiveReader.stoppedByTimeLimit(new PersistenceException("syntax",
                new SQLException("You have an error in your SQL syntax", "42000", 1064))));
    }
}
