package dev.quire.lists.deliverability.dkim;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;

import dev.quire.lists.message.MailMessage;

/**
 * Verifies the DKIM signatures a post arrived with (jDKIM, keys from DNS or a given retriever) and states
 * the outcome as RFC 8601 result clauses, such as {@code dkim=pass header.d=example.org header.s=s1}, or
 * {@code dkim=none} for an unsigned post.
 */
public final class InboundDkim {
    private final PublicKeyRecordRetriever keys;

    public InboundDkim(PublicKeyRecordRetriever keys) {
        this.keys = keys;
    }

    public String results(MailMessage message) {
        if (message.rawFields("DKIM-Signature").isEmpty()) {
            return "dkim=none";
        }
        DKIMVerifier verifier = new DKIMVerifier(keys);
        try {
            verifier.verify(new ByteArrayInputStream(message.toBytes()));
        } catch (Exception e) {
            if (verifier.getResults().isEmpty()) {
                return "dkim=permerror";
            }
        }
        List<String> clauses = new ArrayList<>();
        for (Result r : verifier.getResults()) {
            String text = r.getHeaderText();
            clauses.add(text == null ? "dkim=permerror" : text.replaceAll("[\r\n]+", " ").strip());
        }
        return clauses.isEmpty() ? "dkim=neutral" : String.join("; ", clauses);
    }
}
