package dev.quire.lists.rules;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/** {@code emergency}: the list is under emergency moderation, so every post waits for a moderator. */
@ApplicationScoped
public class Emergency implements Rule {
    @Override
    public String name() {
        return "emergency";
    }

    @Override
    public boolean matches(Post post) {
        if (!post.list().posting().emergency()) {
            return false;
        }
        post.addReason(name(), "the list is under emergency moderation: every post is held");
        return true;
    }
}
