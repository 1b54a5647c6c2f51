package dev.quire.lists.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.james.mime4j.codec.EncoderUtil;
import org.apache.james.mime4j.dom.address.Mailbox;

import dev.quire.db.list.DmarcMitigation;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.ReplyToPolicy;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.deliverability.dmarc.DmarcLookup;
import dev.quire.lists.deliverability.dmarc.DmarcPolicy;
import dev.quire.lists.deliverability.dmarc.DnsTxtLookup;
import dev.quire.lists.deliverability.dmarc.StaticTxtLookup;
import dev.quire.lists.deliverability.dmarc.TxtLookup;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.posting.Post;

/**
 * {@code dmarc}: when the author's domain publishes p=quarantine or p=reject (or always, if the list says
 * so), changes the post so that receivers do not drop it for failing DMARC after the list altered it.
 * MUNGE_FROM rewrites From to {@code "Author via List" <list@domain>} and keeps the author reachable: in
 * Reply-To, or in Cc when Reply-To already points at the list. WRAP puts the whole post, untouched, inside a
 * message/rfc822 part of a new message from the list. A DNS failure is logged and leaves the post as it is.
 */
@ApplicationScoped
public class Dmarc implements Handler {
    private static final Logger LOG = Logger.getLogger(Dmarc.class.getName());
    /** The fields a wrapper keeps from the post it wraps (Mailman's list). */
    private static final List<String> KEPT = List.of("To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To",
            "References", "Reply-To", "Precedence", "List-Id", "List-Help", "List-Subscribe", "List-Unsubscribe",
            "List-Post", "List-Owner", "List-Archive", "Archived-At", "Authentication-Results");

    @Inject
    ListsSettings settings;

    private DmarcLookup lookup;

    public Dmarc() {
    }

    Dmarc(DmarcLookup lookup) {
        this.lookup = lookup;
    }

    @PostConstruct
    void init() {
        try {
            List<String> servers = settings.dnsServers()
                    .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                    .orElse(List.of());
            TxtLookup dns = new DnsTxtLookup(servers);
            if (settings.dmarcStatic().isPresent()) {
                dns = StaticTxtLookup.fromFile(settings.dmarcStatic().get(), dns);
            }
            lookup = new DmarcLookup(dns, Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException("DMARC resolver: " + e.getMessage(), e);
        }
    }

    @Override
    public void process(Post post) throws IOException {
        MailingList list = post.list();
        DmarcMitigation how = list.pipeline().dmarcMitigation();
        Optional<Mailbox> author = Authors.from(post.message());
        if (how == DmarcMitigation.NONE || author.isEmpty()) {
            return;
        }
        if (!list.pipeline().dmarcMitigateAlways() && !demandsMitigation(author.get().getDomain())) {
            return;
        }
        String originalFrom = post.message().header("From").orElseThrow();
        if (how == DmarcMitigation.WRAP) {
            wrap(post, originalFrom);
        } else {
            mungeFrom(post.message(), list, author.get(), originalFrom);
        }
    }

    private boolean demandsMitigation(String domain) {
        try {
            return lookup.policy(domain).map(DmarcPolicy::demandsMitigation).orElse(false);
        } catch (IOException e) {
            LOG.warning(() -> "DMARC lookup for " + domain + " failed, post not mitigated: " + e.getMessage());
            return false;
        }
    }

    /** "Name via List" at the list's posting address. */
    static String viaList(MailingList list, Mailbox author) {
        String name = author.getName() != null && !author.getName().isBlank()
                ? author.getName()
                : author.getLocalPart();
        return EncoderUtil.encodeAddressDisplayName(name + " via " + list.displayName()) + " <"
                + list.postingAddress() + ">";
    }

    private static void mungeFrom(MailMessage m, MailingList list, Mailbox author, String originalFrom) {
        m.set("From", viaList(list, author));
        boolean replyToList = list.pipeline().replyToPolicy() == ReplyToPolicy.LIST;
        String field = replyToList ? "Cc" : "Reply-To";
        Optional<String> existing = m.header(field);
        if (existing.isPresent() && existing.get().toLowerCase(Locale.ROOT)
                .contains(author.getAddress().toLowerCase(Locale.ROOT))) {
            return;
        }
        m.set(field, existing.map(e -> e + ", " + originalFrom).orElse(originalFrom));
    }

    /** Replaces the post by a message from the list whose only part is the post, as it was. */
    private static void wrap(Post post, String originalFrom) {
        MailMessage m = post.message();
        byte[] original = m.toBytes();
        List<String> kept = new ArrayList<>();
        for (String name : KEPT) {
            kept.addAll(m.rawFields(name));
        }
        boolean hasReplyTo = !m.rawFields("Reply-To").isEmpty();
        for (String raw : m.rawFields()) {
            m.remove(raw.substring(0, raw.indexOf(':')));
        }
        for (int i = kept.size() - 1; i >= 0; i--) {
            String raw = kept.get(i);
            m.prependRaw(raw.substring(0, raw.indexOf(':')), raw.substring(raw.indexOf(':') + 1).stripLeading());
        }
        m.set("MIME-Version", "1.0");
        m.set("Content-Type", "message/rfc822");
        m.set("Content-Disposition", "inline");
        if (!hasReplyTo) {
            m.prependRaw("Reply-To", originalFrom);
        }
        m.prepend("From", viaList(post.list(), Authors.mailbox(originalFrom).orElseThrow()));
        m.setBody(original);
    }
}
