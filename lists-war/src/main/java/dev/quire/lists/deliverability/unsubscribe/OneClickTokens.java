package dev.quire.lists.deliverability.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.quire.mail.EmailAddress;

/**
 * Issues and verifies one-click unsubscribe tokens. A token is {@code payload.mac}, both base64url without
 * padding: the payload is {@code listId LF address LF expiry-epoch-seconds}, the MAC is HMAC-SHA256 of the
 * payload under the site secret. Nothing is stored: any node that has the secret can verify.
 */
public final class OneClickTokens {
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    public OneClickTokens(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the unsubscribe secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token for this member of this list, valid for the configured lifetime from now. */
    public String issue(String listId, EmailAddress address) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        byte[] payload = (listId + "\n" + address + "\n" + expiry).getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The request a token carries, if its MAC is right and it has not expired. */
    public Optional<Unsubscription> verify(String token) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            mac = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!expires.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Unsubscription(parts[0], EmailAddress.parse(parts[1]), expires));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
