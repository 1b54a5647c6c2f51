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
    private static final String DATE = "COALESCE(sent_at, archived_at)";

    /**
     * The search the archive pages run, newest first: parameters list id, boolean-mode query, limit, offset;
     * {@code %s} is the time limit in seconds ({@link #search(Duration)}). Public so that
     * bench/archive-search.sh measures exactly this statement.
     */
    public static final String SEARCH = "SET STATEMENT max_statement_time = %s FOR SELECT " + Entry.COLUMNS
            + " FROM archived_message WHERE list_id = ? AND MATCH (subject, body_text) AGAINST (? IN BOOLEAN MODE)"
            + " ORDER BY id DESC LIMIT ? OFFSET ?";

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
     * Adds posts (named by {@code :ids}) to {@code archive_month}: the UTC month of the date they were sent,
     * else archived (UNIX_TIMESTAMP reads the instant, and adding seconds to the epoch does no zone arithmetic,
     * so the session's time zone does not matter). Run by the archiver in the transaction that stores them.
     */
    public static final String COUNT_MONTHS = "INSERT INTO archive_month (list_id, year, month, posts)"
            + " SELECT list_id, YEAR(d), MONTH(d), COUNT(*) FROM (SELECT list_id,"
            + " TIMESTAMPADD(SECOND, UNIX_TIMESTAMP(" + DATE + "), '1970-01-01') AS d FROM archived_message"
            + " WHERE id IN (:ids)) a GROUP BY list_id, YEAR(d), MONTH(d)"
            + " ON DUPLICATE KEY UPDATE posts = archive_month.posts + VALUES(posts)";

    /**
     * The id of the list's post that bounds the scan's window: the {@code ?}-th newest (parameters list id,
     * window - 1); none when the list has fewer posts, and then the scan reads the whole list.
     */
    public static final String SCAN_BOUND = "SELECT id FROM archived_message WHERE list_id = ?"
            + " ORDER BY id DESC LIMIT 1 OFFSET ?";

    /**
     * The newest-first scan (ADR 0052): {@code %1$s} is the time limit in seconds, {@code %2$s} the conditions
     * ({@link #scanConditions}); parameters list id, lowest id of the window, then one per condition
     * pattern, then limit and offset. Reads the list's posts backwards over {@code ix_archived_list_id} (V16;
     * forced, so that a small list among big ones never reads other lists' rows by primary key) and stops once
     * it has a page of matches.
     */
    public static final String SCAN = "SET STATEMENT max_statement_time = %1$s FOR SELECT " + Entry.COLUMNS
            + " FROM archived_message FORCE INDEX (ix_archived_list_id) WHERE list_id = ? AND id >= ? %2$s"
            + " ORDER BY id DESC LIMIT ? OFFSET ?";

    /**
     * The months of the list's archive that have posts, newest first, with their counts, as the archiver
     * keeps them in {@code archive_month} (V16): a read of a few rows, however big the archive.
     */
    public List<Month> months(MailingList list) {
        List<?> rows = em.createNativeQuery("SELECT year, month, posts FROM archive_month WHERE list_id = ?"
                + " AND posts > 0 ORDER BY year DESC, month DESC")
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

    /** {@link #SCAN} with its time limit and conditions filled in. */
    public static String scan(Duration limit, int required, int excluded) {
        return String.format(Locale.ROOT, SCAN, String.format(Locale.ROOT, "%.3f", limit.toMillis() / 1000.0),
                scanConditions(required, excluded));
    }

    /**
     * The scan's conditions: each required pattern must match the subject or the text, no excluded one may.
     * Each condition takes its pattern twice (once per column). MariaDB's REGEXP (PCRE) ignores case as the
     * columns' collation does.
     */
    public static String scanConditions(int required, int excluded) {
        String match = "(COALESCE(subject, '') REGEXP ? OR COALESCE(body_text, '') REGEXP ?)";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < required; i++) {
            sb.append(" AND ").append(match);
        }
        for (int i = 0; i < excluded; i++) {
            sb.append(" AND NOT ").append(match);
        }
        return sb.toString();
    }

    /**
     * What a scan found: the page of matches among the window's posts, and whether it is the answer (the page is
     * full, or the window held the whole list).
     */
    public record Scanned(List<Entry> page, boolean complete) {
    }

    /**
     * One page of the list's posts, newest first, that every {@code required} pattern matches (in the subject
     * or the text) and no {@code excluded} one does, looking only at the list's {@code window} newest posts.
     * Not {@link Scanned#complete complete} when the window holds fewer than {@code offset + limit} matches and
     * the list has older posts: the answer may then lie beyond the window. When complete, it is the page the
     * full-text search gives, provided the patterns match as the full-text index does (SearchQuery.scan).
     */
    public Scanned scan(MailingList list, List<String> required, List<String> excluded, int window, int offset,
            int limit, Duration timeLimit) {
        List<?> bound = em.createNativeQuery(SCAN_BOUND)
                .setParameter(1, list.id())
                .setParameter(2, window - 1)
                .getResultList();
        long lowest = bound.isEmpty() ? 0 : ((Number) bound.get(0)).longValue();
        jakarta.persistence.Query q = em.createNativeQuery(scan(timeLimit, required.size(), excluded.size()));
        int p = 1;
        q.setParameter(p++, list.id());
        q.setParameter(p++, lowest);
        for (String pattern : required) {
            q.setParameter(p++, pattern);
            q.setParameter(p++, pattern);
        }
        for (String pattern : excluded) {
            q.setParameter(p++, pattern);
            q.setParameter(p++, pattern);
        }
        q.setParameter(p++, limit);
        q.setParameter(p, offset);
        List<Entry> page = entries(q.getResultList());
        return new Scanned(page, page.size() == limit || bound.isEmpty());
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
