package dev.quire.lists.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RosterCsvTest {
    @Test
    void headerNamesTheColumnsInAnyOrder() {
        RosterCsv.Parsed p = RosterCsv.read("Name,E-mail\n\"Doe, Jane\",jane@example.test\nBob,bob@example.test\n",
                new RosterCsv.Layout(true, 1, 0));
        assertEquals(List.of(new NewMember(dev.quire.mail.EmailAddress.parse("jane@example.test"), "Doe, Jane"),
                new NewMember(dev.quire.mail.EmailAddress.parse("bob@example.test"), "Bob")), p.entries());
        assertTrue(p.invalid().isEmpty());
    }

    @Test
    void aHeaderWithoutAnAddressColumnIsReportedOnItsLine() {
        RosterCsv.Parsed p = RosterCsv.read("\nfirst,last\nx,y\n", new RosterCsv.Layout(true, 1, 0));
        assertTrue(p.entries().isEmpty());
        assertEquals(2, p.invalid().get(0).line());
    }

    @Test
    void columnNumbersPlainAddressesAndNameAngleAddrLinesMix() {
        String text = String.join("\r\n", "# a comment", "x,ann@example.test,Ann", "Carl Cox <carl@example.test>",
                "\"Doe, Dan\" <dan@example.test>", "x,not-an-address,Nobody", "x,ANN@example.test,Ann again", "",
                "x");
        RosterCsv.Parsed p = RosterCsv.read(text, new RosterCsv.Layout(false, 2, 3));
        assertEquals(List.of("ann@example.test", "carl@example.test", "dan@example.test"),
                p.entries().stream().map(m -> m.address().toString()).toList());
        assertEquals("Carl Cox", p.entries().get(1).name());
        assertEquals("Doe, Dan", p.entries().get(2).name());
        assertEquals(List.of(5, 8), p.invalid().stream().map(RosterCsv.InvalidLine::line).toList(),
                "line numbers count every line, comments and blanks too");
        assertTrue(p.invalid().get(0).reason().contains("is not an email address"), p.invalid().get(0).reason());
        assertTrue(p.invalid().get(1).reason().contains("no address in column 2"), p.invalid().get(1).reason());
    }

    @Test
    void plainLayoutTakesAnAddressAndAnOptionalName() {
        RosterCsv.Parsed p = RosterCsv.read("eve@example.test\nfay@example.test, Fay\u0007 F.\n",
                RosterCsv.Layout.PLAIN);
        assertNull(p.entries().get(0).name());
        assertEquals("Fay  F.", p.entries().get(1).name(), "control characters never reach the roster");
    }

    @Test
    void columnsOutOfRangeAreRefused() {
        Refused r = assertThrows(Refused.class, () -> RosterCsv.Layout.of(false, 0, 2));
        assertEquals(400, r.status());
    }
}
