package dev.quire.lists.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListRoleTest {
    @Test
    void siteAdminOverOwnerOverModeratorOverNobody() {
        assertTrue(ListRole.SITE_ADMIN.atLeast(ListRole.OWNER));
        assertTrue(ListRole.OWNER.atLeast(ListRole.MODERATOR));
        assertTrue(ListRole.OWNER.atLeast(ListRole.OWNER));
        assertFalse(ListRole.MODERATOR.atLeast(ListRole.OWNER), "a moderator sees only moderation");
        assertFalse(ListRole.NONE.atLeast(ListRole.MODERATOR));
    }
}
