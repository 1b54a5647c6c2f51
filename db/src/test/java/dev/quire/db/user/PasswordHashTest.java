package dev.quire.db.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = PasswordHash.create("correct horse".toCharArray());
        assertTrue(hash.startsWith("$pbkdf2-sha256$210000$"));
        assertTrue(PasswordHash.verify("correct horse".toCharArray(), hash));
        assertFalse(PasswordHash.verify("correct horsf".toCharArray(), hash));
        assertFalse(PasswordHash.verify("".toCharArray(), hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHash.create("x".toCharArray()), PasswordHash.create("x".toCharArray()));
    }

    @Test
    void rejectsMalformedHashes() {
        assertFalse(PasswordHash.verify("x".toCharArray(), null));
        assertFalse(PasswordHash.verify("x".toCharArray(), "{SSHA}abc"));
        assertFalse(PasswordHash.verify("x".toCharArray(), "$pbkdf2-sha256$notanumber$a$b"));
        assertFalse(PasswordHash.verify("x".toCharArray(), "$pbkdf2-sha256$1$%%%$b"));
    }
}
