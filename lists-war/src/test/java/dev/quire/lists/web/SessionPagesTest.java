package dev.quire.lists.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionPagesTest {
    @Test
    void afterLoginOnlyPagesOfTheAdminAreFollowed() {
        assertEquals("/admin/lists/demo@lists.example.test",
                SessionPages.safeNext("/admin/lists/demo@lists.example.test"));
        assertEquals("/admin", SessionPages.safeNext(null));
        assertEquals("/admin", SessionPages.safeNext("https://evil.example/admin"));
        assertEquals("/admin", SessionPages.safeNext("//evil.example/admin"));
        assertEquals("/admin", SessionPages.safeNext("/admin\\@evil.example"));
        assertEquals("/admin", SessionPages.safeNext("/admin\r\nSet-Cookie: x=y"));
        // a visitor sent to log in before reading a private archive comes back to it
        assertEquals("/archives/private.lists.example.test/",
                SessionPages.safeNext("/archives/private.lists.example.test/"));
        assertEquals("/admin", SessionPages.safeNext("/archivesx"));
    }
}
