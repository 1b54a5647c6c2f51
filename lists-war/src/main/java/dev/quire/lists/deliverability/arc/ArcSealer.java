package dev.quire.lists.deliverability.arc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.james.jdkim.canon.DigestOutputStream;
import org.apache.james.jdkim.canon.RelaxedBodyCanonicalizer;

import dev.quire.lists.deliverability.dkim.DkimKey;
import dev.quire.lists.deliverability.dkim.DkimSigner;
import dev.quire.lists.message.MailMessage;

/**
 * Adds ARC set 1 (ARC-Authentication-Results, ARC-Message-Signature, ARC-Seal with {@code cv=none}) to a
 * message, signed with the list domain's key. jDKIM has no ARC, so the two signatures are made here: the
 * body hash with jDKIM's relaxed body canonicalizer, the header fields with relaxed canonicalization
 * (RFC 6376 section 3.4.2) as {@link #relaxed(String)}.
 */
public final class ArcSealer {
    private ArcSealer() {
    }

    /** True when the message already carries an ARC chain, which this sealer does not extend. */
    public static boolean hasChain(MailMessage message) {
        return !message.rawFields("ARC-Seal").isEmpty();
    }

    /**
     * Seals the message.
     *
     * @param authservId this server's name, first in the ARC-Authentication-Results
     * @param results the inbound results as method=result clauses ({@code dkim=pass header.d=example.org}),
     *            or {@code none}
     */
    public static void seal(MailMessage message, DkimKey key, String authservId, String results) throws IOException {
        if (hasChain(message)) {
            throw new IllegalStateException("the message already carries an ARC chain");
        }
        long t = Instant.now().getEpochSecond();
        String aar = "i=1; " + authservId + "; " + results;
        String headerList = headerList(message);
        String ams = "i=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector() + "; t=" + t
                + "; h=" + headerList + "; bh=" + bodyHash(message.body()) + "; b=";
        StringBuilder signed = new StringBuilder();
        for (String raw : selected(message, headerList)) {
            signed.append(relaxed(raw)).append("\r\n");
        }
        signed.append(relaxed("ARC-Message-Signature: " + ams));
        String amsField = DkimSigner.fold(ams + sign(signed.toString(), key));
        String seal = "i=1; a=rsa-sha256; t=" + t + "; cv=none; d=" + key.domain() + "; s=" + key.selector() + "; b=";
        String sealed = relaxed("ARC-Authentication-Results: " + aar) + "\r\n"
                + relaxed("ARC-Message-Signature: " + amsField) + "\r\n" + relaxed("ARC-Seal: " + seal);
        seal = seal + sign(sealed, key);
        message.prependRaw("ARC-Authentication-Results", aar);
        message.prependRaw("ARC-Message-Signature", amsField);
        message.prependRaw("ARC-Seal", DkimSigner.fold(seal));
    }

    private static String headerList(MailMessage message) {
        List<String> names = new ArrayList<>();
        for (String name : DkimSigner.SIGNED) {
            for (int i = 0; i < message.rawFields(name).size(); i++) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < message.rawFields("DKIM-Signature").size(); i++) {
            names.add("dkim-signature");
        }
        return String.join(":", names);
    }

    /** The fields h= names, each instance taken from the bottom up as RFC 6376 5.4.2 says. */
    private static List<String> selected(MailMessage message, String headerList) {
        Map<String, Integer> used = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String name : headerList.split(":")) {
            List<String> fields = message.rawFields(name);
            int n = used.merge(name, 1, Integer::sum);
            if (n <= fields.size()) {
                out.add(fields.get(fields.size() - n));
            }
        }
        return out;
    }

    /** Relaxed header canonicalization: name lower case, value unfolded, whitespace runs as one space. */
    static String relaxed(String raw) {
        int colon = raw.indexOf(':');
        String name = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = raw.substring(colon + 1).replaceAll("\r?\n", "").replaceAll("[ \t]+", " ").strip();
        return name + ":" + value;
    }

    static String bodyHash(byte[] body) throws IOException {
        try {
            DigestOutputStream digest = new DigestOutputStream(MessageDigest.getInstance("SHA-256"));
            try (OutputStream out = new RelaxedBodyCanonicalizer(digest)) {
                out.write(body);
            }
            return Base64.getEncoder().encodeToString(digest.getDigest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String canonical, DkimKey key) throws IOException {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(canonical.getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("ARC signing failed", e);
        }
    }
}
