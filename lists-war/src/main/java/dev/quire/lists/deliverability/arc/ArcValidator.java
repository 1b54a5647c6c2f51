package dev.quire.lists.deliverability.arc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.canon.DigestOutputStream;
import org.apache.james.jdkim.canon.RelaxedBodyCanonicalizer;
import org.apache.james.jdkim.canon.SimpleBodyCanonicalizer;
import org.apache.james.jdkim.tagvalue.PublicKeyRecordImpl;

import dev.quire.lists.message.MailMessage;

/**
 * Validates the ARC chain a message arrived with (RFC 8617 section 5.2), as dkimpy's {@code arc_verify} does:
 * a well-formed chain of at most 50 sets whose newest seal does not already say {@code cv=fail}, set 1 sealed
 * with {@code cv=none} and every later one with {@code cv=pass}, the newest ARC-Message-Signature valid over the
 * message as received, and every ARC-Seal valid over the sets up to its own. Keys come from DNS through jDKIM's
 * retriever; bodies are canonicalized with jDKIM's canonicalizers, header fields as RFC 6376 section 3.4 says.
 * SECURITY: every field and key record read here is untrusted input.
 */
public final class ArcValidator {
    /** The outcome: the cv the next seal carries ({@code none}, {@code pass} or {@code fail}) and why. */
    public record Result(String cv, int newest, String reason) {
        public static final String NONE = "none";
        public static final String PASS = "pass";
        public static final String FAIL = "fail";
    }

    private final PublicKeyRecordRetriever keys;

    public ArcValidator(PublicKeyRecordRetriever keys) {
        this.keys = keys;
    }

    public Result validate(MailMessage message) {
        ArcChain chain = ArcChain.of(message);
        if (chain.isEmpty()) {
            return new Result(Result.NONE, 0, "no ARC sets");
        }
        int n = chain.newest();
        if (chain.problem() != null) {
            return new Result(Result.FAIL, n, chain.problem());
        }
        if (chain.cv(n).equals(Result.FAIL)) {
            return new Result(Result.FAIL, n, "ARC-Seal " + n + " says the chain failed before");
        }
        for (int i = 1; i <= n; i++) {
            String expected = i == 1 ? Result.NONE : Result.PASS;
            if (!chain.cv(i).equals(expected)) {
                return new Result(Result.FAIL, n, "ARC-Seal " + i + " has cv=" + chain.cv(i) + ", not " + expected);
            }
        }
        try {
            String amsProblem = messageSignature(message, chain.set(n).ams());
            if (amsProblem != null) {
                return new Result(Result.FAIL, n, "ARC-Message-Signature " + n + ": " + amsProblem);
            }
            for (int i = n; i >= 1; i--) {
                String sealProblem = seal(chain, i);
                if (sealProblem != null) {
                    return new Result(Result.FAIL, n, "ARC-Seal " + i + ": " + sealProblem);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Result(Result.FAIL, n, "cannot verify: " + e.getMessage());
        }
        return new Result(Result.PASS, n, "all " + n + " ARC sets verified");
    }

    /** Null when the AMS verifies over the message, else what is wrong. */
    private String messageSignature(MailMessage message, String amsField) throws IOException {
        Map<String, String> tags = Tags.parse(amsField.substring(amsField.indexOf(':') + 1));
        String c = tags.getOrDefault("c", "relaxed/relaxed").toLowerCase(Locale.ROOT);
        boolean relaxedHeaders = c.startsWith("relaxed");
        boolean relaxedBody = c.contains("/") ? c.endsWith("/relaxed") : false;
        if (tags.get("bh") == null || tags.get("h") == null) {
            return "no bh= or h=";
        }
        if (!tags.get("bh").equals(bodyHash(message.body(), relaxedBody))) {
            return "the body hash does not match (the body changed)";
        }
        StringBuilder signed = new StringBuilder();
        Map<String, Integer> used = new HashMap<>();
        for (String name : tags.get("h").split(":")) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("arc-seal")) {
                return "h= names ARC-Seal";
            }
            List<String> present = message.rawFields(lower);
            int k = used.merge(lower, 1, Integer::sum);
            if (k <= present.size()) {
                String raw = present.get(present.size() - k);
                signed.append(relaxedHeaders ? ArcSealer.relaxed(raw) + "\r\n" : raw);
            }
        }
        String self = Tags.withoutSignature(amsField);
        signed.append(relaxedHeaders ? ArcSealer.relaxed(self) : stripCrlf(self));
        return check(tags, signed.toString());
    }

    /** Null when ARC-Seal {@code instance} verifies over sets 1 to {@code instance}, else what is wrong. */
    private String seal(ArcChain chain, int instance) throws IOException {
        StringBuilder signed = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= instance; i++) {
            ArcChain.Set set = chain.set(i);
            parts.add(ArcSealer.relaxed(set.aar()));
            parts.add(ArcSealer.relaxed(set.ams()));
            parts.add(ArcSealer.relaxed(i == instance ? Tags.withoutSignature(set.seal()) : set.seal()));
        }
        signed.append(String.join("\r\n", parts));
        String seal = chain.set(instance).seal();
        Map<String, String> tags = Tags.parse(seal.substring(seal.indexOf(':') + 1));
        if (tags.containsKey("h")) {
            return "an ARC-Seal must not have h=";
        }
        return check(tags, signed.toString());
    }

    private String check(Map<String, String> tags, String canonical) throws IOException {
        String a = tags.getOrDefault("a", "").toLowerCase(Locale.ROOT);
        if (!a.equals("rsa-sha256")) {
            return "unsupported algorithm a=" + a;
        }
        String d = tags.get("d");
        String s = tags.get("s");
        String b = tags.get("b");
        if (d == null || s == null || b == null || b.isEmpty()) {
            return "no d=, s= or b=";
        }
        PublicKey key = key(s, d);
        if (key == null) {
            return "no key at " + s + "._domainkey." + d;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(canonical.getBytes(StandardCharsets.ISO_8859_1));
            return rsa.verify(Base64.getDecoder().decode(b)) ? null : "the signature does not verify";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "the signature does not verify: " + e.getMessage();
        }
    }

    private PublicKey key(String selector, String domain) {
        try {
            for (String record : keys.getRecords("dns/txt", selector, domain)) {
                try {
                    PublicKeyRecordImpl parsed = new PublicKeyRecordImpl(record);
                    parsed.validate();
                    return parsed.getPublicKey();
                } catch (RuntimeException e) {
                    // not a usable key record; try the next
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    static String bodyHash(byte[] body, boolean relaxed) throws IOException {
        try {
            DigestOutputStream digest = new DigestOutputStream(MessageDigest.getInstance("SHA-256"));
            try (OutputStream out = relaxed
                    ? new RelaxedBodyCanonicalizer(digest)
                    : new SimpleBodyCanonicalizer(
                            digest)) {
                out.write(body);
            }
            return Base64.getEncoder().encodeToString(digest.getDigest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripCrlf(String raw) {
        return raw.endsWith("\r\n") ? raw.substring(0, raw.length() - 2) : raw;
    }
}
