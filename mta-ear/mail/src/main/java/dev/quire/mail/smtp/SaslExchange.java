package dev.quire.mail.smtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The client side of a SASL PLAIN (RFC 4616) or LOGIN exchange: optional initial response, {@code 334} challenges,
 * base64 decoding, {@code *} to cancel. On any problem it sends the reply itself and returns null.
 */
final class SaslExchange {

    static final Reply CANCELLED = new Reply(501, "5.0.0", "Authentication cancelled");
    static final Reply BAD_BASE64 = new Reply(501, "5.5.2", "Cannot decode response");
    static final Reply BAD_PLAIN = new Reply(501, "5.5.2", "Invalid PLAIN response");
    private static final Reply TOO_LONG = new Reply(500, "5.5.6", "Error: line too long");

    /**
     * Decoded credentials; the caller zeroes the password.
     *
     * @param username the authentication identity
     * @param password the password
     * @param authorizationMismatch true if PLAIN named an authorization identity other than the user
     */
    record Credentials(String username, char[] password, boolean authorizationMismatch) {
    }

    private SaslExchange() {
    }

    /** PLAIN: {@code authzid NUL authcid NUL passwd}, from the initial response or one empty challenge. */
    static Credentials plain(Session session, String initial) throws IOException {
        byte[] message = response(session, initial, "");
        if (message == null) {
            return null;
        }
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (second < 0 || indexOf(message, second + 1) >= 0 || second == first + 1) {
            Arrays.fill(message, (byte) 0);
            session.error(BAD_PLAIN);
            return null;
        }
        String authzid = new String(message, 0, first, StandardCharsets.UTF_8);
        String user = new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
        char[] password = chars(Arrays.copyOfRange(message, second + 1, message.length));
        Arrays.fill(message, (byte) 0);
        return new Credentials(user, password, !authzid.isEmpty() && !authzid.equals(user));
    }

    /** LOGIN: the user name (initial response or challenge {@code Username:}), then the password. */
    static Credentials login(Session session, String initial) throws IOException {
        byte[] user = response(session, initial, "VXNlcm5hbWU6");
        if (user == null) {
            return null;
        }
        byte[] password = response(session, null, "UGFzc3dvcmQ6");
        if (password == null) {
            return null;
        }
        return new Credentials(new String(user, StandardCharsets.UTF_8), chars(password), false);
    }

    /** The decoded initial response, or the answer to a 334 challenge; null after replying to a problem. */
    private static byte[] response(Session session, String initial, String challenge) throws IOException {
        String line = initial;
        if (line == null) {
            session.reply(new Reply(334, null, challenge));
            session.flush();
            line = session.readAuthLine();
            if (line == null) {
                session.error(TOO_LONG);
                return null;
            }
        }
        if (line.equals("*")) {
            session.reply(CANCELLED);
            return null;
        }
        if (line.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            session.error(BAD_BASE64);
            return null;
        }
    }

    /** Decodes UTF-8 into a fresh array and zeroes the bytes and the intermediate buffer. */
    private static char[] chars(byte[] utf8) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] result = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        Arrays.fill(utf8, (byte) 0);
        return result;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
