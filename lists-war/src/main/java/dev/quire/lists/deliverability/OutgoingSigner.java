package dev.quire.lists.deliverability;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.MailingList;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.deliverability.arc.ArcSealer;
import dev.quire.lists.deliverability.dkim.DkimKey;
import dev.quire.lists.deliverability.dkim.DkimKeys;
import dev.quire.lists.deliverability.dkim.DkimSigner;
import dev.quire.lists.message.MailMessage;

/**
 * Signs each copy as it leaves: DKIM with the list domain's key, then (unless turned off) the next ARC set,
 * whose results are those this server recorded on arrival in its own Authentication-Results field and whose
 * {@code cv} is that field's {@code arc=} result (set 1 with {@code cv=none} when the post came without a chain).
 * A domain without a key goes out unsigned.
 */
@ApplicationScoped
public class OutgoingSigner {
    @Inject
    DkimKeys keys;

    @Inject
    ListsSettings settings;

    public OutgoingSigner() {
    }

    /** A signer with its keys and settings given (tests, tools). */
    public OutgoingSigner(DkimKeys keys, ListsSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    /** Whether copies for this list will be signed (a key exists for its domain). */
    public boolean signs(MailingList list) {
        return keys.forDomain(list.domain().name()).isPresent();
    }

    public void sign(MailingList list, MailMessage copy) throws IOException {
        Optional<DkimKey> key = keys.forDomain(list.domain().name());
        if (key.isEmpty()) {
            return;
        }
        DkimSigner.sign(copy, key.get());
        if (settings.arcEnabled()) {
            String results = inboundResults(copy, settings.hostname());
            ArcSealer.seal(copy, key.get(), settings.hostname(), results, arcResult(results));
        }
    }

    /** The result of the {@code arc=} clause among inbound results ({@code fail} when there is none). */
    static String arcResult(String results) {
        for (String clause : results.split(";")) {
            String c = clause.strip().toLowerCase(java.util.Locale.ROOT);
            if (c.startsWith("arc=")) {
                String value = c.substring(4).split("[\\s(]", 2)[0];
                return value;
            }
        }
        return "fail";
    }

    /** The method clauses of this server's own Authentication-Results field, or {@code none}. */
    static String inboundResults(MailMessage message, String authservId) {
        for (String value : message.headers("Authentication-Results")) {
            int semi = value.indexOf(';');
            if (semi > 0 && value.substring(0, semi).strip().equalsIgnoreCase(authservId)) {
                String clauses = value.substring(semi + 1).strip();
                return clauses.isEmpty() ? "none" : clauses;
            }
        }
        return "none";
    }
}
