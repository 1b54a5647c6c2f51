package dev.quire.db.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets handed to people (API tokens, password reset links) and the SHA-256 form in which the
 * database keeps them. A fast hash is enough: the secrets carry 256 random bits, so nobody can guess
 * them from the hash, and a leaked table holds no working secret.
 */
public final class SecretHash {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHash() {
    }

    /** A new secret: a prefix naming its use and 32 random bytes, base64url without padding. */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lower-case hex SHA-256 of the secret, as stored. */
    public static String of(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
