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
 * Times the archive search (the statement {@link ArchiveIndexRepository#SEARCH}, first page of 21 rows)
 * against a database bench/archive-search.sh filled: 300 queries of one, two and three words drawn from the
 * vocabulary by rank (line 1 is the most common word), after 30 warm-up queries. Prints the median, p95 and
 * maximum in milliseconds, per kind of query and overall. Not a test: run by bench/archive-search.sh.
 */
public final class ArchiveSearchBenchmark {
    /** MariaDB's ER_STATEMENT_TIMEOUT. */
    static final int MAX_STATEMENT_TIME_EXCEEDED = 1969;
    /** InnoDB's answer when a full-text scan is interrupted (or passes its result cache limit). */
    static final int FTS_STOPPED = 188;
    static final java.time.Duration LIMIT = java.time.Duration.parse(System.getProperty("limit", "PT1S"));
    private static int stopped;

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
                for (int i = 0; i < k.count(); i++) {
                    String q = query(vocab, random, k.words(), k.fromRank(), k.toRank());
                    long t0 = System.nanoTime();
                    hits += run(c, q);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    all.add(ms[i]);
                }
                report(k.name() + String.format(Locale.ROOT, ", %.1f rows, %d stopped", hits / (double) k.count(),
                        stopped), ms);
            }
            report("all 300 queries", all.stream().mapToDouble(Double::doubleValue).toArray());
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
        }
    }

    private static String query(List<String> vocab, Random random, int words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            sb.append(w == 0 ? "" : " ").append(vocab.get(from - 1 + random.nextInt(to - from)));
        }
        return SearchQuery.parse(sb.toString()).orElseThrow().booleanMode();
    }

    private static int run(Connection c, String booleanQuery) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(ArchiveIndexRepository.search(LIMIT))) {
            ps.setLong(1, 1);
            ps.setString(2, booleanQuery);
            ps.setInt(3, 21);
            ps.setInt(4, 0);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            } catch (java.sql.SQLException e) {
                if (e.getErrorCode() != MAX_STATEMENT_TIME_EXCEEDED && e.getErrorCode() != FTS_STOPPED) {
                    throw e;
                }
                stopped++;
                return 0;
            }
            return n;
        }
    }

    private static void report(String name, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-55s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d)%n", name,
                s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1], s.length);
    }
}
