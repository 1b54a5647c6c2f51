package dev.quire.lists.archive.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.quire.db.archive.ArchiveIndexRepository;

/**
 * Times the archive search as ArchiveReader.search runs it (first page of 21 rows): the newest-first scan
 * ({@link ArchiveIndexRepository#SCAN_BOUND}, {@link ArchiveIndexRepository#SCAN} over the list's
 * {@code -Dwindow} newest posts, default ArchiveReader.SCAN_WINDOW) and, when that finds less than a page or the
 * query cannot be scanned, the full-text statement {@link ArchiveIndexRepository#SEARCH}; with
 * {@code -Dstrategy=fulltext} the full-text statement alone (as before V16). Against a database
 * bench/archive-search.sh filled: 300 queries of one, two and three words drawn from the
 * vocabulary by rank (line 1 is the most common word), after 30 warm-up queries. Prints the median, p95 and
 * maximum in milliseconds, per kind of query and overall. Not a test: run by bench/archive-search.sh.
 */
public final class ArchiveSearchBenchmark {
    /** MariaDB's ER_STATEMENT_TIMEOUT. */
    static final int MAX_STATEMENT_TIME_EXCEEDED = 1969;
    /** InnoDB's answer when a full-text scan is interrupted (or passes its result cache limit). */
    static final int FTS_STOPPED = 188;
    static final java.time.Duration LIMIT = java.time.Duration.parse(System.getProperty("limit", "PT1S"));
    static final boolean FULLTEXT_ONLY = "fulltext".equals(System.getProperty("strategy", "hybrid"));
    static final int WINDOW = Integer.getInteger("window", dev.quire.lists.archive.web.ArchiveReader.SCAN_WINDOW);
    static final int WIDE = Integer.getInteger("wide", dev.quire.lists.archive.web.ArchiveReader.WIDE_WINDOW);
    static final int WIDEN_AT = Integer.getInteger("widenAt", dev.quire.lists.archive.web.ArchiveReader.WIDEN_AT);
    private static int stopped;
    private static int scanned;

    private ArchiveSearchBenchmark() {
    }

    record Kind(String name, int count, int words, int fromRank, int toRank) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<String> vocab = Files.readAllLines(Path.of(args[1]));
        Random random = new Random(8058);
        List<Kind> kinds = List.of(
                new Kind("1 word, very common (rank 1-50)", 20, 1, 1, 50),
                new Kind("1 word, common (rank 50-1000)", 50, 1, 50, 1000),
                new Kind("1 word, rare (rank 1000-40000)", 80, 1, 1000, 40000),
                new Kind("2 words (rank 1-5000)", 100, 2, 1, 5000),
                new Kind("3 words (rank 1-5000)", 50, 3, 1, 5000));
        try (Connection c = DriverManager.getConnection(url)) {
            for (int i = 0; i < 30; i++) {
                run(c, query(vocab, random, 1, 1, 40000));
            }
            List<Double> all = new ArrayList<>();
            for (Kind k : kinds) {
                double[] ms = new double[k.count()];
                long hits = 0;
                stopped = 0;
                scanned = 0;
                for (int i = 0; i < k.count(); i++) {
                    SearchQuery q = query(vocab, random, k.words(), k.fromRank(), k.toRank());
                    long t0 = System.nanoTime();
                    hits += run(c, q);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    all.add(ms[i]);
                }
                report(k.name() + String.format(Locale.ROOT, ", %.1f rows, %d by scan, %d stopped",
                        hits / (double) k.count(), scanned, stopped), ms);
            }
            report("all 300 queries", all.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.println(FULLTEXT_ONLY
                    ? "strategy: full-text statement only"
                    : "strategy: scan of the " + WINDOW + " newest posts (" + WIDE + " if it holds " + WIDEN_AT
                            + " matches), then full-text");
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("SELECT YEAR(COALESCE(sent_at, archived_at)) y,"
                    + " MONTH(COALESCE(sent_at, archived_at)) m, COUNT(*) FROM archived_message WHERE list_id = 1"
                    + " GROUP BY y, m"); ResultSet rs = ps.executeQuery()) {
                int months = 0;
                while (rs.next()) {
                    months++;
                }
                System.out.printf(Locale.ROOT, "archive index page (posts counted by month): %d months in %.0f ms%n",
                        months, (System.nanoTime() - t0) / 1e6);
            }
            for (int i = 0; i < 3; i++) {
                t0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("SELECT year, month, posts FROM archive_month"
                        + " WHERE list_id = 1 AND posts > 0 ORDER BY year DESC, month DESC");
                        ResultSet rs = ps.executeQuery()) {
                    int months = 0;
                    while (rs.next()) {
                        months++;
                    }
                    System.out.printf(Locale.ROOT, "archive index page (archive_month, V16): %d months in %.1f ms%n",
                            months, (System.nanoTime() - t0) / 1e6);
                }
            }
        }
    }

    private static SearchQuery query(List<String> vocab, Random random, int words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            sb.append(w == 0 ? "" : " ").append(vocab.get(from - 1 + random.nextInt(to - from)));
        }
        return SearchQuery.parse(sb.toString()).orElseThrow();
    }

    /** The rows of the first page, as ArchiveReader.search gets them; 0 when MariaDB stopped the search. */
    private static int run(Connection c, SearchQuery query) throws Exception {
        try {
            if (!FULLTEXT_ONLY && query.scan().isPresent()) {
                int n = scan(c, query.scan().get(), WINDOW);
                if (n < 0 && -n - 1 >= WIDEN_AT) {
                    n = scan(c, query.scan().get(), WIDE);
                }
                if (n >= 0) {
                    scanned++;
                    return n;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(ArchiveIndexRepository.search(LIMIT))) {
                ps.setLong(1, 1);
                ps.setString(2, query.booleanMode());
                ps.setInt(3, 21);
                ps.setInt(4, 0);
                return count(ps);
            }
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() != MAX_STATEMENT_TIME_EXCEEDED && e.getErrorCode() != FTS_STOPPED) {
                throw e;
            }
            stopped++;
            return 0;
        }
    }

    /**
     * ArchiveIndexRepository.scan over JDBC: the page's rows, or -1 - the rows found when the window held less
     * than a page (not complete).
     */
    private static int scan(Connection c, SearchQuery.Scan scan, int window) throws Exception {
        Long lowest = null;
        try (PreparedStatement ps = c.prepareStatement(ArchiveIndexRepository.SCAN_BOUND)) {
            ps.setLong(1, 1);
            ps.setInt(2, window - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lowest = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ArchiveIndexRepository.scan(LIMIT, scan.required().size(),
                scan.excluded().size()))) {
            int p = 1;
            ps.setLong(p++, 1);
            ps.setLong(p++, lowest == null ? 0 : lowest);
            for (String pattern : scan.required()) {
                ps.setString(p++, pattern);
                ps.setString(p++, pattern);
            }
            for (String pattern : scan.excluded()) {
                ps.setString(p++, pattern);
                ps.setString(p++, pattern);
            }
            ps.setInt(p++, 21);
            ps.setInt(p, 0);
            int n = count(ps);
            return n == 21 || lowest == null ? n : -1 - n;
        }
    }

    private static int count(PreparedStatement ps) throws Exception {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static void report(String name, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-55s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d)%n", name,
                s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1], s.length);
    }
}
