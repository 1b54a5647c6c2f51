package dev.quire.lists.archive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchQueryTest {
    private static String q(String input) {
        return SearchQuery.parse(input).map(SearchQuery::booleanMode).orElse(null);
    }

    @Test
    void everyWordIsRequired() {
        assertEquals("+agenda +thursday", q("Agenda  Thursday"));
    }

    @Test
    void exclusionsPrefixesAndPhrases() {
        assertEquals("+agenda -draft +meet* +\"next week\"", q("agenda -draft meet* \"next week\""));
    }

    @Test
    void operatorsFromInputAreNeverPassedOn() {
        assertEquals("+foo +bar", q("foo) (bar~ <@> +++"));
        assertEquals("+caf\u00e9", q("caf\u00e9!"));
        assertTrue(SearchQuery.parse("\"unclosed phrase").isPresent());
    }

    @Test
    void shortWordsAndNothingButExclusionsMatchNothing() {
        assertEquals("+agenda", q("an agenda of it"));
        assertTrue(SearchQuery.parse("a of").isEmpty());
        assertTrue(SearchQuery.parse("-draft").isEmpty());
        assertTrue(SearchQuery.parse("   ").isEmpty());
        assertTrue(SearchQuery.parse(null).isEmpty());
    }

    @Test
    void longInputIsCut() {
        assertEquals(SearchQuery.MAX_TERMS, SearchQuery.parse("word ".repeat(100)).orElseThrow().terms().size());
    }
}
