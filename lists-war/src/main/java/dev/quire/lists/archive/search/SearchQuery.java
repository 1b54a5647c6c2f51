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
}
