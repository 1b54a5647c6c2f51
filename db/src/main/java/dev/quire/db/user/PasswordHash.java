package dev.quire.db.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes in the form {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64, no
 * padding), as Passlib writes them; verification runs in constant time. Hashes imported from older mail
 * systems are verified too, so their users can log in, and {@link #needsUpgrade} tells the caller to store
 * a new hash then: LDAP-style {@code {SSHA}}, {@code {SHA}}, {@code {SMD5}}, {@code {MD5}} and
 * {@code {CRYPT}}, and crypt(3) strings ({@code $1$} MD5, {@code $5$}/{@code $6$} SHA-2, traditional DES).
 */
public final class PasswordHash {
    private static final String PREFIX = "$pbkdf2-sha256$";
    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Hashes a password with a fresh salt. */
    public static String create(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return PREFIX + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    /** True when the password matches the stored hash, in Quire's scheme or an imported one. */
    public static boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        if (!stored.startsWith(PREFIX)) {
            return LegacyHash.verify(password, stored);
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            Base64.Decoder dec = Base64.getDecoder();
            byte[] expected = dec.decode(parts[2]);
            return MessageDigest.isEqual(expected, derive(password, dec.decode(parts[1]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the stored hash is not Quire's current scheme and strength: store a new one at next login. */
    public static boolean needsUpgrade(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return true;
        }
        String iterations = stored.substring(PREFIX.length()).split("\\$")[0];
        try {
            return Integer.parseInt(iterations) < ITERATIONS;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return new String(Base64.getEncoder().withoutPadding().encode(bytes), StandardCharsets.US_ASCII);
    }
}
