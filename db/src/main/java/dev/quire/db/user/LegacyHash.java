package dev.quire.db.user;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import org.apache.commons.codec.digest.Crypt;

/** Verification of password hashes that other mail systems wrote; Quire never writes these. */
final class LegacyHash {
    private LegacyHash() {
    }

    static boolean verify(char[] password, String stored) {
        byte[] pw = utf8(password);
        try {
            String upper = stored.toUpperCase(Locale.ROOT);
            if (upper.startsWith("{SSHA}")) {
                return salted("SHA-1", 20, pw, stored.substring(6));
            }
            if (upper.startsWith("{SMD5}")) {
                return salted("MD5", 16, pw, stored.substring(6));
            }
            if (upper.startsWith("{SHA}")) {
                return MessageDigest.isEqual(Base64.getDecoder().decode(stored.substring(5)), digest("SHA-1", pw));
            }
            if (upper.startsWith("{MD5}")) {
                return MessageDigest.isEqual(Base64.getDecoder().decode(stored.substring(5)), digest("MD5", pw));
            }
            String crypt = upper.startsWith("{CRYPT}") ? stored.substring(7) : stored;
            if (crypt.startsWith("$1$") || crypt.startsWith("$5$") || crypt.startsWith("$6$")
                    || crypt.matches("[./0-9A-Za-z]{13}")) {
                String computed = Crypt.crypt(pw, crypt);
                return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                        crypt.getBytes(StandardCharsets.US_ASCII));
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** {@code base64(digest(password + salt) + salt)}, the OpenLDAP salted form. */
    private static boolean salted(String algorithm, int digestLength, byte[] pw, String b64) {
        byte[] decoded = Base64.getDecoder().decode(b64);
        if (decoded.length <= digestLength) {
            return false;
        }
        byte[] expected = Arrays.copyOf(decoded, digestLength);
        byte[] salt = Arrays.copyOfRange(decoded, digestLength, decoded.length);
        byte[] input = Arrays.copyOf(pw, pw.length + salt.length);
        System.arraycopy(salt, 0, input, pw.length, salt.length);
        return MessageDigest.isEqual(expected, digest(algorithm, input));
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
