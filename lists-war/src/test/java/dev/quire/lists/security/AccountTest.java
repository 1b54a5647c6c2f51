package dev.quire.lists.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class AccountTest {
    @Test
    void aUserNameCannotForgeALogLine() {
        assertEquals("admin??INFO: web login of 'root'", Account.printable("admin\r\nINFO: web login of 'root'"));
        assertTrue(Account.printable("x".repeat(5000)).length() < 210);
    }

    @Test
    void siteAdminsAreInBothGroups() {
        assertEquals(Set.of(Account.USER_GROUP, Account.SITE_ADMIN_GROUP),
                new Account(1, "admin", true, null, null).groups());
        assertEquals(Set.of(Account.USER_GROUP), new Account(2, "bob", false, null, null).groups());
    }
}
