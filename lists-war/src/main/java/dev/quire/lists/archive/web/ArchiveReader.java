package dev.quire.lists.archive.web;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.quire.db.archive.ArchiveIndexRepository;
import dev.quire.db.archive.ArchiveIndexRepository.Entry;
import dev.quire.db.archive.ArchivedMessage;
import dev.quire.db.archive.ArchivedMessageRepository;
import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.PublicListRepository;
import dev.quire.lists.archive.ArchiveTransfer;
import dev.quire.lists.archive.search.SearchQuery;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.NotAuthenticated;
import dev.quire.lists.web.pub.PublicProblem;
import dev.quire.lists.web.pub.PublicSettings;

/**
 * A list's archive as its web pages read it, each call behind the archive's policy: a list without an
 * archive ({@code none}), or no such list, is a 404; a private archive needs a logged-in user whose address
 * is on the list (any role), or a site admin (else the login page, then 403). Pages get small view records,
 * never entities.
 */
@ApplicationScoped
public class ArchiveReader {
    static final int THREAD_LIMIT = 500;
    /** How many of a list's newest posts a search scans before it asks the full-text index (ADR 0052). */
    public static final int SCAN_WINDOW = 1000;
    /**
     * When the first window holds at least {@link #WIDEN_AT} matches but less than a page, the word is in too many
     * posts for the full-text index to be quick (2 in 1,000 is some 2,000 per million posts), so the scan goes on over
     * this many newest posts; it still stops at the first page of matches.
     */
    public static final int WIDE_WINDOW = 20000;
    public static final int WIDEN_AT = 2;
    private static final Logger LOG = Logger.getLogger(ArchiveReader.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    PublicListRepository lists;

    @Inject
    ArchiveIndexRepository index;

    @Inject
    ArchivedMessageRepository archive;

    @Inject
    ArchiveTransfer transfer;

    @Inject
    PublicSettings settings;

    /** The list whose archive a page shows. */
    public record ArchiveView(String listId, String displayName, String address, boolean members) {
    }

    /** A month with posts. */
    public record MonthView(int year, String month, String label, long posts) {
    }

    /** One post in a listing. */
    public record EntryView(long id, long threadId, String subject, String from, String date, String hash) {
    }

    /** A thread as a month's listing shows it: its first post there, and how many posts it has there. */
    public record ThreadView(EntryView first, int posts) {
    }

    /** One post with its body, and how deep in its thread it answers. */
    public record PostView(EntryView entry, int depth, MessageRenderer.Rendered body) {
    }

    /** Who may read the archive of the list with this List-Id; the list, or the right refusal. */
    @Transactional
    public ArchiveView open(String listId, Optional<Account> caller) {
        return view(list(listId, caller));
    }

    @Transactional
    public List<MonthView> months(String listId, Optional<Account> caller) {
        return index.months(list(listId, caller)).stream()
                .map(m -> new MonthView(m.year(), String.format(Locale.ROOT, "%02d", m.month()), label(m.year(),
                        m.month()), m.posts()))
                .toList();
    }

    /** One page of a month's posts, oldest first. */
    @Transactional
    public List<EntryView> month(String listId, Optional<Account> caller, int year, int month, int offset,
            int limit) {
        MailingList list = list(listId, caller);
        LocalDate first = LocalDate.of(year, month, 1);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return index.between(list, from, to, offset, limit).stream().map(ArchiveReader::entry).toList();
    }

    /** Groups a month's posts by thread, in the order each thread first appears. */
    public static List<ThreadView> threads(List<EntryView> posts) {
        Map<Long, List<EntryView>> byThread = new LinkedHashMap<>();
        for (EntryView p : posts) {
            byThread.computeIfAbsent(p.threadId(), t -> new ArrayList<>()).add(p);
        }
        return byThread.values().stream().map(l -> new ThreadView(l.get(0), l.size())).toList();
    }

    /** A whole thread, rendered, in archive order; empty when the list has no such thread. */
    @Transactional
    public List<PostView> thread(String listId, Optional<Account> caller, long threadId) throws IOException {
        MailingList list = list(listId, caller);
        List<ArchivedMessage> posts = archive.thread(list, threadId);
        Map<Long, Integer> depth = new HashMap<>();
        List<PostView> out = new ArrayList<>();
        for (ArchivedMessage a : posts.subList(0, Math.min(posts.size(), THREAD_LIMIT))) {
            int d = a.parentId() == null ? 0 : depth.getOrDefault(a.parentId(), -1) + 1;
            depth.put(a.id(), d);
            out.add(new PostView(entry(a), Math.min(d, 8), MessageRenderer.render(a.raw())));
        }
        return out;
    }

    /** One post by the hex SHA-256 of its Message-ID (its Archived-At URL). */
    @Transactional
    public Optional<PostView> message(String listId, Optional<Account> caller, String hash) throws IOException {
        Optional<ArchivedMessage> a = find(list(listId, caller), hash);
        return a.isEmpty()
                ? Optional.empty()
                : Optional.of(new PostView(entry(a.get()), 0,
                        MessageRenderer.render(a.get().raw())));
    }

    /** Attachment {@code number} of a post. */
    @Transactional
    public Optional<MessageRenderer.Download> attachment(String listId, Optional<Account> caller, String hash,
            int number) throws IOException {
        Optional<ArchivedMessage> a = find(list(listId, caller), hash);
        return a.isEmpty() ? Optional.empty() : MessageRenderer.attachment(a.get().raw(), number);
    }

    /**
     * One page of the posts matching a query, newest first (ADR 0052): first a scan of the list's
     * {@link #SCAN_WINDOW} newest posts, which a page of a common word fills at once, then of its
     * {@link #WIDE_WINDOW} newest when the first held a few matches; when that finds fewer than a page (or the
     * query is one the scan cannot answer as the index would), the full-text index, fast for the selective words
     * left. Empty when MariaDB stopped the search at
     * {@code quire.archive.search.time-limit} (a word in most posts of a huge archive). Runs without a
     * transaction, so that a stopped statement has nothing to roll back.
     */
    public Optional<List<EntryView>> search(String listId, Optional<Account> caller, SearchQuery query, int offset,
            int limit) {
        MailingList list = list(listId, caller);
        Optional<SearchQuery.Scan> scan = query.scan();
        if (scan.isPresent()) {
            try {
                ArchiveIndexRepository.Scanned newest = index.scan(list, scan.get().required(),
                        scan.get().excluded(), SCAN_WINDOW, offset, limit, settings.searchTimeLimit());
                if (!newest.complete() && newest.page().size() >= WIDEN_AT) {
                    newest = index.scan(list, scan.get().required(), scan.get().excluded(), WIDE_WINDOW, offset,
                            limit, settings.searchTimeLimit());
                }
                if (newest.complete()) {
                    return Optional.of(newest.page().stream().map(ArchiveReader::entry).toList());
                }
            } catch (PersistenceException e) {
                if (!stoppedByTimeLimit(e)) {
                    throw e;
                }
            }
        }
        try {
            return Optional.of(index.search(list, query.booleanMode(), offset, limit, settings.searchTimeLimit())
                    .stream().map(ArchiveReader::entry).toList());
        } catch (PersistenceException e) {
            if (stoppedByTimeLimit(e)) {
                LOG.info(() -> "search of " + listId + " for '" + query.booleanMode() + "' stopped at "
                        + settings.searchTimeLimit());
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * True when MariaDB stopped the statement at max_statement_time (ER_STATEMENT_TIMEOUT, 1969; InnoDB
     * reports an interrupted full-text scan as its error 188), or the matches passed
     * innodb_ft_result_cache_limit (also 188): either way, the words are in too many posts.
     */
    static boolean stoppedByTimeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1969 || sql.getErrorCode() == 188
                    || String.valueOf(sql.getMessage()).contains("max_statement_time"))) {
                return true;
            }
        }
        return false;
    }

    /** Checks the caller may read the archive; the export itself runs when the response is written. */
    @Transactional
    public MailingList forExport(String listId, Optional<Account> caller) {
        return list(listId, caller);
    }

    /**
     * Writes the archive as mboxrd (a checked list from {@link #forExport}), in one read-only transaction
     * (the export lets go of each batch of messages as it goes).
     */
    @Transactional(rollbackOn = IOException.class)
    public int export(MailingList list, OutputStream out) throws IOException {
        return transfer.exportMbox(list, out);
    }

    private MailingList list(String listId, Optional<Account> caller) {
        MailingList list = lists.byListId(listId).filter(l -> l.archivePolicy() != ArchivePolicy.NONE)
                .orElseThrow(() -> new PublicProblem(404, "There is no archive of a list " + listId + "."));
        if (list.archivePolicy() == ArchivePolicy.PRIVATE) {
            Account account = caller.orElseThrow(NotAuthenticated::new);
            if (!account.siteAdmin()
                    && (account.email() == null || !lists.hasAnyRole(list, account.email().toString()))) {
                throw new PublicProblem(403, "The archive of " + list.displayName()
                        + " is open to the list's members only; log in with the account of a member's address.");
            }
        }
        return list;
    }

    private Optional<ArchivedMessage> find(MailingList list, String hash) {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return archive.byMessageIdHash(list, HexFormat.of().parseHex(hash));
    }

    private static ArchiveView view(MailingList l) {
        return new ArchiveView(l.listId(), l.displayName(), l.postingAddress().toString(),
                l.archivePolicy() == ArchivePolicy.PRIVATE);
    }

    private static EntryView entry(Entry e) {
        return new EntryView(e.id(), e.threadId(), subject(e.subject()), from(e.senderName(), e.sender()),
                e.date() == null ? "" : WHEN.format(e.date()), HexFormat.of().formatHex(e.messageIdHash()));
    }

    private static EntryView entry(ArchivedMessage a) {
        Instant date = a.sentAt() != null ? a.sentAt() : a.archivedAt();
        return new EntryView(a.id(), a.threadId() == null ? a.id() : a.threadId(), subject(a.subject()),
                from(a.senderName(), a.sender()), date == null ? "" : WHEN.format(date),
                HexFormat.of().formatHex(a.messageIdHash()));
    }

    private static String subject(String s) {
        return s == null || s.isBlank() ? "(no subject)" : s;
    }

    /** The author as archives show it: the name, else the address with its @ spelt out (less harvestable). */
    static String from(String name, String address) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return address == null ? "(unknown)" : address.replace("@", " at ");
    }

    private static String label(int year, int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
    }
}
