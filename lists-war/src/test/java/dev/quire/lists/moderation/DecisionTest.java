package dev.quire.lists.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.lists.moderation.Decision.Verdict;

class DecisionTest {
    @Test
    void readsTheFiveCommands() {
        assertEquals(Optional.of(Decision.of(Verdict.ACCEPT)), Decision.parse(" Accept "));
        assertEquals(Optional.of(Decision.of(Verdict.DISCARD)), Decision.parse("discard"));
        assertEquals(Optional.of(Decision.of(Verdict.DEFER)), Decision.parse("DEFER"));
        assertEquals(Optional.of(Decision.of(Verdict.ACCEPT_AND_UNMODERATE)), Decision.parse("accept  and unmoderate"));
        assertEquals(Optional.of(Decision.reject("Off topic, see the FAQ")),
                Decision.parse("reject   Off topic, see the FAQ"));
        assertEquals(Optional.of(Decision.reject("")), Decision.parse("Reject"));
    }

    @Test
    void anythingElseIsNoCommand() {
        assertEquals(Optional.empty(), Decision.parse("accepted, thanks"));
        assertEquals(Optional.empty(), Decision.parse("rejection"));
        assertEquals(Optional.empty(), Decision.parse(""));
        assertEquals(Optional.empty(), Decision.parse(null));
    }
}
