package dev.quire.db.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hashes of "secret pw" made by other tools (openssl passwd, Python's hashlib and crypt), as they arrive in
 * exports of older mail systems: each verifies, a wrong password does not, and each asks for an upgrade.
 */
class LegacyHashTest {
    @ParameterizedTest
    @ValueSource(strings = {"$1$QuIrE123$K58MZ14aIRGT.eGPzW/xX0",
            "$5$saltsalt$vCVzagwpKquSflhQxH0D10Fgy2Km11eLAozR93EkXT6",
            "$6$saltsalt$zM85MwF7wzNFxhHekCkSASe1NaC/xUx1S2eoXlbcx1w6LkHRO4n1DK7q.d/HKoYFUjJ10GWDs5jLq2A53OAzU1",
            "{CRYPT}$6$saltsalt$zM85MwF7wzNFxhHekCkSASe1NaC/xUx1S2eoXlbcx1w6LkHRO4n1DK7q.d/HKoYFUjJ10GWDs5jLq2A53OAzU1",
            "abvOVwEVZZ8hM", "{SSHA}RvumZcIqqsSkUNL/OGkzOHmhlusBAgME", "{ssha}RvumZcIqqsSkUNL/OGkzOHmhlusBAgME",
            "{SMD5}7lwDHwqHlW+dWRahlwKQiwECAwQ=", "{SHA}rS7uKHTXnyVCt9RR2Lh+fJ2k/DM=", "{MD5}cSTACMpn4EdRL4EgxHu4VA=="})
    void importedHashesVerifyAndAskForAnUpgrade(String stored) {
        assertTrue(PasswordHash.verify("secret pw".toCharArray(), stored), stored);
        // differs in the first 8 characters: traditional DES crypt reads no further
        assertFalse(PasswordHash.verify("Secret pw".toCharArray(), stored), stored);
        assertTrue(PasswordHash.needsUpgrade(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{SSHA}", "{SSHA}!!!", "{SMD5}AAAA", "$1$", "plaintext", "{CLEARTEXT}secret pw"})
    void malformedOrUnknownSchemesNeverVerify(String stored) {
        assertFalse(PasswordHash.verify("secret pw".toCharArray(), stored), stored);
    }

    @org.junit.jupiter.api.Test
    void currentHashesNeedNoUpgrade() {
        assertFalse(PasswordHash.needsUpgrade(PasswordHash.create("x".toCharArray())));
        assertTrue(PasswordHash.needsUpgrade("$pbkdf2-sha256$1000$AAAA$AAAA"));
    }
}
