package dev.quire.lists.rules;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.message.Addresses;
import dev.quire.lists.posting.Post;

/** {@code max-recipients}: the post names at least the list's limit of addresses in To and Cc (0: no limit). */
@ApplicationScoped
public class MaxRecipients implements Rule {
    @Override
    public String name() {
        return "max-recipients";
    }

    @Override
    public boolean matches(Post post) {
        int limit = post.list().posting().maxRecipients();
        int count = Addresses.in(post.message(), "To").size() + Addresses.in(post.message(), "Cc").size();
        if (limit <= 0 || count < limit) {
            return false;
        }
        post.addReason(name(), "the message has " + count + " recipients in To and Cc; the limit is " + limit);
        return true;
    }
}
