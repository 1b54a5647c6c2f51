package dev.quire.lists.command;

import static dev.quire.lists.command.CommandTesting.from;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.lists.TestWorld;

class HelpTest {
    @Test
    void listsEveryCommandAndTheListsAddresses() {
        TestWorld w = new TestWorld();
        String help = w.help.execute(from(w, "erin@remote.test"), List.of());
        for (String usage : List.of("confirm TOKEN", "help", "set [OPTION VALUE]", "subscribe [address]",
                "unsubscribe [address]", "who", "end")) {
            assertTrue(help.contains("\n  " + usage + " "), usage + " in:\n" + help);
        }
        assertTrue(help.contains("digest mime|plain|off"), help);
        assertTrue(help.contains("demo-join@lists.example.test to join"), help);
        assertTrue(help.indexOf("confirm TOKEN") < help.indexOf("who "), "sorted by name");
    }
}
