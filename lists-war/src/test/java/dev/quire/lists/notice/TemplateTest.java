package dev.quire.lists.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void replacesBothFormsAndKeepsUnknownsAndDollars() {
        String out = Template.render("Welcome to $display_name (${list_name}). Cost: $$5. $nope stays.",
                Map.of("display_name", "Demo", "list_name", "demo@lists.example.test"));
        assertEquals("Welcome to Demo (demo@lists.example.test). Cost: $5. $nope stays.", out);
    }

    @Test
    void valuesAreNotReinterpreted() {
        assertEquals("a $b c", Template.render("a $x c", Map.of("x", "$b")));
    }
}
