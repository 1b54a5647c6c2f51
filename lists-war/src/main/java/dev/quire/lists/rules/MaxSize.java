package dev.quire.lists.rules;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/** {@code max-size}: the post is larger than the list's limit in KiB (0: no limit). */
@ApplicationScoped
public class MaxSize implements Rule {
    @Override
    public String name() {
        return "max-size";
    }

    @Override
    public boolean matches(Post post) {
        int limitKb = post.list().posting().maxMessageSizeKb();
        long size = post.message().toBytes().length;
        if (limitKb <= 0 || size <= limitKb * 1024L) {
            return false;
        }
        post.addReason(name(), "the message is " + (size + 1023) / 1024 + " KiB; the limit is " + limitKb + " KiB");
        return true;
    }
}
