package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;

import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.deliverability.arc.ArcValidator;
import dev.quire.lists.deliverability.dkim.InboundDkim;
import dev.quire.lists.posting.Post;

/**
 * {@code validate-authenticity}: before anything changes the post, verifies its DKIM signatures and validates
 * the ARC chain it carries (RFC 8617; {@code arc=pass} or {@code arc=fail}, nothing without a chain), and
 * records the outcome in an Authentication-Results field with this server's name (RFC 8601), removing any such
 * field that claims to come from this server already. The ARC seal at delivery carries these results and takes
 * its {@code cv} from the arc= result.
 * SPF and DMARC of the inbound hop are not evaluated here (the MTA does not record them yet).
 */
@ApplicationScoped
public class ValidateAuthenticity implements Handler {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            ValidateAuthenticity.class.getName());

    @Inject
    ListsSettings settings;

    private InboundDkim dkim;

    private ArcValidator arc;

    public ValidateAuthenticity() {
    }

    /** A handler that finds keys with {@code keys} instead of DNS (tests, tools). */
    public ValidateAuthenticity(ListsSettings settings, PublicKeyRecordRetriever keys) {
        this.settings = settings;
        this.dkim = new InboundDkim(keys);
        this.arc = new ArcValidator(keys);
    }

    @PostConstruct
    void init() {
        PublicKeyRecordRetriever keys = new DNSPublicKeyRecordRetriever();
        dkim = new InboundDkim(keys);
        arc = new ArcValidator(keys);
    }

    @Override
    public void process(Post post) throws IOException {
        String me = settings.hostname();
        var message = post.message();
        List<String> others = message.headers("Authentication-Results").stream()
                .filter(v -> !v.toLowerCase(Locale.ROOT).startsWith(me.toLowerCase(Locale.ROOT) + ";"))
                .filter(v -> !v.equalsIgnoreCase(me))
                .toList();
        String results = dkim.results(message);
        ArcValidator.Result chain = arc.validate(message);
        if (chain.newest() > 0) {
            results = results + "; arc=" + chain.cv();
            LOG.info(() -> "ARC chain of " + message.header("Message-ID").orElse("(no Message-ID)") + ": "
                    + chain.cv() + ", " + chain.reason());
        }
        message.remove("Authentication-Results");
        for (int i = others.size() - 1; i >= 0; i--) {
            message.prepend("Authentication-Results", others.get(i));
        }
        message.prepend("Authentication-Results", me + "; " + results);
    }
}
