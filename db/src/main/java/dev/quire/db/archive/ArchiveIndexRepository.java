package dev.quire.db.archive;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.db.list.MailingList;

/**
 * The archive as the web pages read it, without loading raw messages: the months that have posts, one
 * month's posts, and full-text search over the subject and text (MariaDB's InnoDB FULLTEXT index
 * {@code ft_archived_text}, boolean mode; ADR 0052). A post's date is when it was sent, else when it was
 * archived.
 */
@ApplicationScoped
public class ArchiveIndexRepository {
    /**
     * The search the archive pages run, newest first: parameters list id, boolean-mode query, limit, offset;
     * {@code %s} is the time limit in seconds ({@link #search(Duration)}). Public so that
     * bench/archive-search.sh measures exactly this statement.
     */
    public static final String SEARCH = "SET STATEMENT max_statement_time = %s FOR SELECT " + Entry.COLUMNS
            + " FROM archived_message WHERE list_id = ? AND MATCH (subject, body_text) AGAINST (? IN BOOLEAN MODE)"
            + " ORDER BY id DESC LIMIT ? OFFSET ?";

    private static final String DATE = "COALESCE(sent_at, archived_at)";

    @PersistenceContext
    EntityManager em;

    protected ArchiveIndexRepository() {
    }

    /** For code that manages its own persistence context (tests, tools). */
    public ArchiveIndexRepository(EntityManager em) {
        this.em = em;
    }

    /** One archived post, without its raw form or text. */
    public record Entry(long id, long threadId, Long parentId, String subject, String senderName, String sender,
            Instant date, byte[] messageIdHash) {
        /** The columns {@link #of} reads, in order. */
        public static final String COLUMNS = "id, COALESCE(thread_id, id), parent_id, subject, sender_name, sender, "
                + DATE + ", message_id_hash";

        static Entry of(Object[] row) {
            return new Entry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    row[2] == null ? null : ((Number) row[2]).longValue(), (String) row[3], (String) row[4],
                    (String) row[5], instant(row[6]), (byte[]) row[7]);
        }
    }

    /** A month with posts, and how many. */
    public record Month(int year, int month, long posts) {
    }

    /**
     * The months of the list's archive that have posts, newest first, with their counts: one pass over the
     * list's entries of the covering index {@code ix_archived_dates} (no table rows are read).
     */
    public List<Month> months(MailingList list) {
        List<?> rows = em.createNativeQuery("SELECT YEAR(" + DATE + ") y, MONTH(" + DATE + ") m, COUNT(*)"
                + " FROM archived_message WHERE list_id = ? GROUP BY y, m ORDER BY y DESC, m DESC")
                .setParameter(1, list.id())
                .getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Month(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                        ((Number) r[2]).longValue()))
                .toList();
    }

    /** The list's posts dated in [from, to), oldest first, one page of them. */
    public List<Entry> between(MailingList list, Instant from, Instant to, int offset, int limit) {
        return entries(em.createNativeQuery("SELECT " + Entry.COLUMNS + " FROM archived_message WHERE list_id = ?"
                + " AND ((sent_at >= ? AND sent_at < ?) OR (sent_at IS NULL AND archived_at >= ? AND archived_at < ?))"
                + " ORDER BY " + DATE + ", id LIMIT ? OFFSET ?")
                .setParameter(1, list.id())
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to))
                .setParameter(4, Timestamp.from(from))
                .setParameter(5, Timestamp.from(to))
                .setParameter(6, limit)
                .setParameter(7, offset)
                .getResultList());
    }

    /** The posts of one thread, in archive order, without their raw forms. */
    public List<Entry> thread(MailingList list, long threadId) {
        return entries(em.createNativeQuery("SELECT " + Entry.COLUMNS + " FROM archived_message WHERE list_id = ?"
                + " AND thread_id = ? ORDER BY id")
                .setParameter(1, list.id())
                .setParameter(2, threadId)
                .getResultList());
    }

    /** {@link #SEARCH} with its time limit filled in. */
    public static String search(Duration limit) {
        return String.format(Locale.ROOT, SEARCH, String.format(Locale.ROOT, "%.3f", limit.toMillis() / 1000.0));
    }

    /**
     * One page of the posts whose subject or text match a boolean-mode query, newest first. MariaDB stops
     * the statement after {@code timeLimit} (a word in most posts of a huge list makes InnoDB collect every
     * matching row first): the caller gets the driver's exception, and no transaction should be open.
     */
    public List<Entry> search(MailingList list, String booleanQuery, int offset, int limit, Duration timeLimit) {
        return entries(em.createNativeQuery(search(timeLimit))
                .setParameter(1, list.id())
                .setParameter(2, booleanQuery)
                .setParameter(3, limit)
                .setParameter(4, offset)
                .getResultList());
    }

    /** An archived post by id, if the list holds it. */
    public java.util.Optional<ArchivedMessage> find(MailingList list, long id) {
        ArchivedMessage a = em.find(ArchivedMessage.class, id);
        return a != null && a.list().id().equals(list.id()) ? java.util.Optional.of(a) : java.util.Optional.empty();
    }

    private static List<Entry> entries(List<?> rows) {
        return rows.stream().map(r -> Entry.of((Object[]) r)).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(java.time.ZoneId.systemDefault()).toInstant();
        }
        return value instanceof Instant i ? i : null;
    }
}
