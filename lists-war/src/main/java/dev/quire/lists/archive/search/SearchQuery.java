package dev.quire.lists.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a visitor typed into the archive's search box, as a MariaDB boolean-mode full-text query (ADR 0052):
 * every word must occur ({@code +word}), {@code -word} excludes, {@code word*} matches a prefix, and
 * {@code "two words"} a phrase. Everything else is punctuation: it cannot reach the query as an operator, so
 * no input makes the statement fail. Words shorter than the index's minimum token (3) are left out, since
 * the index never holds them and a required one would match nothing.
 */
public record SearchQuery(String text, List<String> terms) {
    /** InnoDB's innodb_ft_min_token_size default. */
    static final int MIN_WORD = 3;
    static final int MAX_TERMS = 10;
    static final int MAX_INPUT = 300;
    private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"|(-?)([\\p{L}\\p{N}_]+)(\\*?)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    public SearchQuery {
        terms = List.copyOf(terms);
    }

    /** The query for the input, or empty when it holds no word that can be searched for. */
    public static Optional<SearchQuery> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = input.strip();
        if (text.length() > MAX_INPUT) {
            text = text.substring(0, MAX_INPUT);
        }
        List<String> terms = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find() && terms.size() < MAX_TERMS) {
            if (m.group(2) != null) {
                List<String> words = new ArrayList<>();
                Matcher w = WORD.matcher(m.group(2));
                while (w.find()) {
                    words.add(w.group().toLowerCase(Locale.ROOT));
                }
                if (words.stream().anyMatch(x -> x.length() >= MIN_WORD)) {
                    terms.add((m.group(1).isEmpty() ? "+" : "-") + "\"" + String.join(" ", words) + "\"");
                }
            } else {
                String word = m.group(4).toLowerCase(Locale.ROOT);
                if (word.length() >= MIN_WORD) {
                    terms.add((m.group(3).isEmpty() ? "+" : "-") + word + m.group(5));
                }
            }
        }
        if (terms.stream().noneMatch(t -> t.startsWith("+"))) {
            return Optional.empty();
        }
        return Optional.of(new SearchQuery(text, terms));
    }

    /** The boolean-mode expression for {@code AGAINST (? IN BOOLEAN MODE)}. */
    public String booleanMode() {
        return String.join(" ", terms);
    }

    /** The query as REGEXP patterns for the newest-first scan: each required one must match, no excluded one. */
    public record Scan(List<String> required, List<String> excluded) {
        public Scan {
            required = List.copyOf(required);
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * The query as patterns that match a post exactly when the full-text index does (ADR 0052), for the
     * newest-first scan; empty when that cannot be promised, and the search then runs on the full-text index
     * alone. A word matches as a whole token (letters, digits and {@code _}, as InnoDB cuts text), a prefix as
     * the start of one, a phrase as its words in a row with only separators between them; letters match their
     * accented forms and ß and œ as utf8mb4_unicode_ci compares them, and REGEXP ignores case as the collation
     * does. Left to the index: words with letters outside ASCII, InnoDB's stopwords (a required one matches
     * nothing, inside a phrase it is skipped), a prefix of a stopword, words over
     * {@code innodb_ft_max_token_size} (84), and phrases holding a word shorter than 3.
     */
    public Optional<Scan> scan() {
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String term : terms) {
            boolean plus = term.charAt(0) == '+';
            String body = term.substring(1);
            String pattern;
            if (body.startsWith("\"")) {
                String[] words = body.substring(1, body.length() - 1).split(" ");
                List<String> parts = new ArrayList<>();
                for (String w : words) {
                    if (!scannable(w)) {
                        return Optional.empty();
                    }
                    parts.add(fold(w));
                }
                pattern = BEFORE + String.join(BETWEEN, parts) + AFTER;
            } else {
                boolean prefix = body.endsWith("*");
                String w = prefix ? body.substring(0, body.length() - 1) : body;
                if (!scannable(w) || prefix && STOPWORDS.stream().anyMatch(s -> s.startsWith(w))) {
                    return Optional.empty();
                }
                pattern = BEFORE + fold(w) + (prefix ? "" : AFTER);
            }
            (plus ? required : excluded).add(pattern);
        }
        return Optional.of(new Scan(required, excluded));
    }

    /** innodb_ft_max_token_size default: longer tokens are not indexed. */
    static final int MAX_WORD = 84;
    /** InnoDB's default stopwords (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD). */
    static final java.util.Set<String> STOPWORDS = java.util.Set.of("a", "about", "an", "are", "as", "at", "be",
            "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that",
            "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und", "www");
    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    private static final String BEFORE = "(?<!" + WORD_CHAR + ")";
    private static final String AFTER = "(?!" + WORD_CHAR + ")";
    private static final String BETWEEN = "[^\\p{L}\\p{N}_]+";
    private static final Pattern ASCII_WORD = Pattern.compile("[a-z0-9_]+");
    /** Per ASCII letter, the characters of Latin-1 and Latin Extended-A/B that decompose to it. */
    private static final java.util.Map<Character, String> ACCENTED = accented();
    /** The ligatures the full-text index finds by their letters (not ĳ, which the collation alone equates). */
    private static final java.util.Map<String, String> LIGATURES = java.util.Map.of("ss", "ß", "oe", "œ");

    private static boolean scannable(String w) {
        return w.length() >= MIN_WORD && w.length() <= MAX_WORD && ASCII_WORD.matcher(w).matches()
                && !STOPWORDS.contains(w);
    }

    /** A word as a pattern matching it in any case and accent (utf8mb4_unicode_ci). */
    static String fold(String w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            String two = i + 2 <= w.length() ? w.substring(i, i + 2) : "";
            if (LIGATURES.containsKey(two)) {
                sb.append("(?:").append(letter(two.charAt(0))).append(letter(two.charAt(1))).append('|')
                        .append(LIGATURES.get(two)).append(')');
                i++;
            } else {
                sb.append(letter(w.charAt(i)));
            }
        }
        return sb.toString();
    }

    private static String letter(char c) {
        String more = ACCENTED.get(c);
        return more == null ? String.valueOf(c) : "[" + c + more + "]";
    }

    private static java.util.Map<Character, String> accented() {
        java.util.Map<Character, StringBuilder> m = new java.util.TreeMap<>();
        for (char c = 0xC0; c <= 0x24F; c++) {
            String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
            char base = Character.toLowerCase(d.charAt(0));
            if (d.length() > 1 && base >= 'a' && base <= 'z') {
                m.computeIfAbsent(base, b -> new StringBuilder()).append(c);
            }
        }
        m.computeIfAbsent('s', b -> new StringBuilder()).append('ſ');
        java.util.Map<Character, String> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k, v.toString()));
        return java.util.Map.copyOf(out);
    }
}
