package dev.quire.lists.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginCheckTest {
    private static final String HERE = "http://lists.example.org:80";
    private static final String CONFIGURED = "https://lists.example.org";

    @Test
    void theSameOriginOrTheConfiguredOnePasses() {
        assertTrue(OriginCheck.sameSite("http://lists.example.org", null, HERE, CONFIGURED));
        assertTrue(OriginCheck.sameSite("HTTPS://Lists.Example.org:443", null, HERE, CONFIGURED));
        assertTrue(OriginCheck.sameSite(null, "http://lists.example.org/admin/login", HERE, CONFIGURED));
    }

    @Test
    void anotherSiteAnOpaqueOriginOrAnotherPortIsRefused() {
        assertFalse(OriginCheck.sameSite("http://evil.example", null, HERE, CONFIGURED));
        assertFalse(OriginCheck.sameSite("null", null, HERE, CONFIGURED));
        assertFalse(OriginCheck.sameSite("http://lists.example.org:8081", null, HERE, CONFIGURED));
        assertFalse(OriginCheck.sameSite(null, "http://lists.example.org.evil.example/", HERE, CONFIGURED));
        assertFalse(OriginCheck.sameSite(null, "not a url", HERE, CONFIGURED));
    }

    @Test
    void withNeitherHeaderTheTokenAloneDecides() {
        assertTrue(OriginCheck.sameSite(null, null, HERE, CONFIGURED));
    }
}
