package dev.quire.lists.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.ListStyle;
import dev.quire.db.list.MailingList;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.posting.Post;

/**
 * {@code rfc-2369}: the RFC 2919 List-Id and the RFC 2369 fields (List-Help, List-Subscribe,
 * List-Unsubscribe, List-Post, List-Owner, List-Archive), replacing any that a post brought from elsewhere,
 * and {@code Precedence: list} for autoresponders. An announce-only list says {@code List-Post: NO}; a list
 * without archives has no List-Archive. The per-recipient one-click List-Unsubscribe (RFC 8058) is added at
 * delivery, where the recipient is known.
 */
@ApplicationScoped
public class RfcListHeaders implements Handler {
    @Inject
    ListsSettings settings;

    public RfcListHeaders() {
    }

    RfcListHeaders(ListsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Post post) {
        MailingList list = post.list();
        var m = post.message();
        m.set("List-Id", quote(list.displayName()) + " <" + list.listId() + ">");
        m.set("List-Help", "<mailto:" + list.address(ListAddress.Function.REQUEST) + "?subject=help>");
        m.set("List-Subscribe", "<mailto:" + list.address(ListAddress.Function.JOIN) + ">");
        m.set("List-Unsubscribe", "<mailto:" + list.address(ListAddress.Function.LEAVE) + ">");
        m.set("List-Post", list.style() == ListStyle.ANNOUNCE ? "NO" : "<mailto:" + list.postingAddress() + ">");
        m.set("List-Owner", "<mailto:" + list.address(ListAddress.Function.OWNER) + ">");
        if (list.archivePolicy() != ArchivePolicy.NONE) {
            m.set("List-Archive", "<" + archiveUrl(settings.webUrl(), list) + ">");
        } else {
            m.remove("List-Archive");
        }
        m.remove("Archived-At");
        m.set("Precedence", "list");
    }

    /** Where the web side shows a list's archive. */
    static String archiveUrl(String webUrl, MailingList list) {
        return webUrl + "/archives/" + list.listId() + "/";
    }

    /** A phrase for the List-Id, quoted when it holds anything but atoms. */
    static String quote(String phrase) {
        if (phrase.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+")) {
            return phrase;
        }
        return "\"" + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
