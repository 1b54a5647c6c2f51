package dev.quire.lists.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpSession;

/**
 * The synchronizer token against cross-site request forgery: one random value per session, sent back by
 * every form (hidden field {@value #FIELD}) and by scripts calling the API with the session (header
 * {@value #HEADER}). A new one is made at login, so a token seen before login is worth nothing after.
 */
public final class CsrfTokens {
    /** The form field. */
    public static final String FIELD = "_csrf";
    /** The request header. */
    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "quire.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        Object t = session.getAttribute(ATTRIBUTE);
        if (t instanceof String) {
            return (String) t;
        }
        return rotate(session);
    }

    /** Replaces the session's token by a new one and returns it. */
    public static String rotate(HttpSession session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** True when the session has a token and the presented one equals it (constant time). */
    public static boolean matches(HttpSession session, String presented) {
        if (session == null || presented == null) {
            return false;
        }
        Object t = session.getAttribute(ATTRIBUTE);
        return t instanceof String && MessageDigest.isEqual(((String) t).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
