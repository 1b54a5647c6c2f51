package dev.quire.lists.deliverability.arc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quire.lists.deliverability.dkim.DkimKey;
import dev.quire.lists.deliverability.dkim.DkimSigner;
import dev.quire.lists.message.MailMessage;

/**
 * Adds the next ARC set (ARC-Authentication-Results, ARC-Message-Signature, ARC-Seal; RFC 8617) to a message,
 * signed with the list domain's key: set 1 with {@code cv=none} on a message without a chain, else set N+1
 * with the {@code cv} that {@link ArcValidator} found for the chain as it arrived. The seal covers every set
 * in instance order, or only its own when {@code cv=fail} (as dkimpy does). jDKIM has no ARC, so the two
 * signatures are made here: the body hash with jDKIM's relaxed body canonicalizer, the header fields with
 * relaxed canonicalization (RFC 6376 section 3.4.2) as {@link #relaxed(String)}.
 */
public final class ArcSealer {
    private ArcSealer() {
    }

    /**
     * Seals the message.
     *
     * @param authservId this server's name, first in the ARC-Authentication-Results
     * @param results the inbound results as method=result clauses ({@code dkim=pass header.d=example.org;
     *            arc=pass}), or {@code none}
     * @param cv the chain's validation status on arrival ({@code pass} or {@code fail}); ignored, as
     *            {@code none}, when the message carries no chain
     * @return the instance of the new set, or 0 when the chain already has the most sets allowed
     */
    public static int seal(MailMessage message, DkimKey key, String authservId, String results, String cv)
            throws IOException {
        ArcChain chain = ArcChain.of(message);
        int instance = chain.newest() + 1;
        if (instance > ArcChain.MAX_INSTANCES) {
            return 0;
        }
        String status = chain.isEmpty()
                ? ArcValidator.Result.NONE
                : ArcValidator.Result.PASS.equals(cv) && chain.problem() == null
                        ? ArcValidator.Result.PASS
                        : ArcValidator.Result.FAIL;
        long t = Instant.now().getEpochSecond();
        String aar = "i=" + instance + "; " + authservId + "; " + results;
        String headerList = headerList(message);
        String ams = "i=" + instance + "; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s="
                + key.selector() + "; t=" + t + "; h=" + headerList + "; bh="
                + ArcValidator.bodyHash(message.body(), true) + "; b=";
        StringBuilder signed = new StringBuilder();
        for (String raw : selected(message, headerList)) {
            signed.append(relaxed(raw)).append("\r\n");
        }
        signed.append(relaxed("ARC-Message-Signature: " + ams));
        String amsField = DkimSigner.fold(ams + sign(signed.toString(), key));
        String seal = "i=" + instance + "; a=rsa-sha256; t=" + t + "; cv=" + status + "; d=" + key.domain() + "; s="
                + key.selector() + "; b=";
        StringBuilder sealed = new StringBuilder();
        if (!status.equals(ArcValidator.Result.FAIL)) {
            for (int i = 1; i < instance; i++) {
                ArcChain.Set set = chain.set(i);
                sealed.append(relaxed(set.aar())).append("\r\n").append(relaxed(set.ams())).append("\r\n")
                        .append(relaxed(set.seal())).append("\r\n");
            }
        }
        sealed.append(relaxed("ARC-Authentication-Results: " + aar)).append("\r\n")
                .append(relaxed("ARC-Message-Signature: " + amsField)).append("\r\n")
                .append(relaxed("ARC-Seal: " + seal));
        seal = seal + sign(sealed.toString(), key);
        message.prependRaw("ARC-Authentication-Results", aar);
        message.prependRaw("ARC-Message-Signature", amsField);
        message.prependRaw("ARC-Seal", DkimSigner.fold(seal));
        return instance;
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
