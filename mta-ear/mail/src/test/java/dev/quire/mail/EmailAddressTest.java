package dev.quire.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void parsesDotAtomAndLowerCasesOnlyTheDomain() {
        EmailAddress a = EmailAddress.parse("John.Doe+lists@Example.ORG");
        assertEquals("John.Doe+lists", a.localPart());
        assertEquals("example.org", a.domain());
        assertEquals("John.Doe+lists@example.org", a.toString());
        assertEquals(a.toString(), a.mailbox());
    }

    @Test
    void parsesQuotedLocalPartWithEscapesAndAt() {
        EmailAddress a = EmailAddress.parse("\"john \\\"q\\\" @doe\"@example.org");
        assertEquals("\"john \\\"q\\\" @doe\"", a.localPart());
        assertEquals("example.org", a.domain());
    }

    @Test
    void parsesIpv4AddressLiteral() {
        EmailAddress a = EmailAddress.parse("postmaster@[192.0.2.1]");
        assertEquals("[192.0.2.1]", a.domain());
    }

    @Test
    void acceptsPercentAndBangAsLiteralAtext() {
        EmailAddress a = EmailAddress.parse("user%relay.example!other@example.org");
        assertEquals("user%relay.example!other", a.localPart());
        assertEquals("example.org", a.domain());
    }

    @Test
    void acceptsSingleLabelDomainAndMaximumLengths() {
        String local = "l".repeat(64);
        String domain = ("d".repeat(63) + ".").repeat(2) + "d".repeat(61);
        EmailAddress a = EmailAddress.parse(local + "@" + domain);
        assertEquals(254, a.mailbox().length());
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse("x" + a.mailbox()));
        assertEquals("localhost", EmailAddress.parse("root@localhost").domain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.org", "user@", "user@example.org.", "@a,@b:user@example.org",
            ".user@example.org", "user.@example.org", "us..er@example.org", "us er@example.org", "user@exa mple.org",
            "us\ter@example.org", "user\r\n@example.org", "user@-example.org", "user@example-.org",
            "user@exa..mple.org",
            "user@exa_mple.org", "\"unterminated@example.org", "\"quoted\"x@example.org", "\"\"@example.org",
            "\"ctl\u0001\"@example.org", "user@[192.0.2.256]", "user@[192.0.2]", "user@[IPv6:2001:db8::1]",
            "user@example.org]", "user@@example.org", "usér@example.org", "user@exämple.org", "a@b@c"})
    void rejectsInvalid(String input) {
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(input));
    }

    @Test
    void rejectsTooLongParts() {
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse("l".repeat(65) + "@example.org"));
        assertThrows(InvalidAddressException.class,
                () -> EmailAddress.parse("user@" + "d".repeat(64) + ".example.org"));
        String domain = ("d".repeat(63) + ".").repeat(3) + "d".repeat(61);
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse("ab@" + domain));
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(null));
    }

    @Test
    void equalityIsExactOnLocalPartAndCaseInsensitiveOnDomain() {
        assertEquals(EmailAddress.parse("Joe@EXAMPLE.org"), EmailAddress.parse("Joe@example.ORG"));
        assertEquals(EmailAddress.parse("Joe@EXAMPLE.org").hashCode(),
                EmailAddress.parse("Joe@example.ORG").hashCode());
        assertNotEquals(EmailAddress.parse("Joe@example.org"), EmailAddress.parse("joe@example.org"));
    }

    @Test
    void ofBuildsFromPartsAndValidatesThem() {
        assertEquals(EmailAddress.parse("postmaster@mx.example"), EmailAddress.of("postmaster", "MX.example"));
        assertThrows(InvalidAddressException.class, () -> EmailAddress.of("a@b", "example.org"));
        assertThrows(InvalidAddressException.class, () -> EmailAddress.of("", "example.org"));
        assertThrows(InvalidAddressException.class, () -> EmailAddress.of("user", "bad domain"));
    }

    @Test
    void utf8AddressesOnlyWhenAllowed() {
        String address = "Jos\u00e9.\u7528\u6237@B\u00dcCHER.\u4f8b\u5b50";
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(address));
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(address, false));
        EmailAddress a = EmailAddress.parse(address, true);
        assertEquals("Jos\u00e9.\u7528\u6237", a.localPart());
        assertEquals("b\u00fccher.\u4f8b\u5b50", a.domain());
        assertEquals(a, EmailAddress.parse(a.toString(), true));
        assertEquals(EmailAddress.parse("a@example.org"), EmailAddress.parse("a@Example.org", true));
        assertEquals("\"j\u00f6 d\"", EmailAddress.parse("\"j\u00f6 d\"@example.org", true).localPart());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0085b@example.org", "a\u00a0b@example.org", "a\ufffdb@example.org",
            "a\u200bb@example.org", "a@exa\u2603mple.org", "a@\u00e9-.org", "\ud800@example.org",
            "a@\u212Aexample.org"})
    void utf8RejectsControlsSpacesReplacementAndSymbolsInDomains(String address) {
        if (!address.equals("a@\u212Aexample.org")) {
            assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(address, true));
        }
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(address));
    }

    @Test
    void utf8LimitsCountOctets() {
        String local = "\u00e9".repeat(32) + "x"; // 65 octets, 33 characters
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(local + "@example.org", true));
        String label = "\u00e9".repeat(32); // 64 octets
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse("a@" + label + ".org", true));
        assertEquals(31, EmailAddress.parse("a@" + "\u00e9".repeat(31) + ".org", true).domain().length() - 4);
    }
}
