package dev.quire.lists.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.posting.Post;

/**
 * The RFC 2919 List-Id and the RFC 2369 List-Post and List-Unsubscribe fields, replacing any that a post
 * brought from elsewhere, and {@code Precedence: list} for autoresponders. Fields for addresses this server
 * does not serve yet (List-Help, List-Subscribe, List-Owner) are not added.
 */
@ApplicationScoped
public class RfcListHeaders implements Handler {
    @Override
    public void process(Post post) {
        MailingList list = post.list();
        var m = post.message();
        m.set("List-Id", quote(list.displayName()) + " <" + list.listId() + ">");
        m.set("List-Post", "<mailto:" + list.postingAddress() + ">");
        m.set("List-Unsubscribe", "<mailto:" + list.address(ListAddress.Function.LEAVE) + ">");
        m.set("Precedence", "list");
    }

    /** A phrase for the List-Id, quoted when it holds anything but atoms. */
    static String quote(String phrase) {
        if (phrase.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+")) {
            return phrase;
        }
        return "\"" + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
