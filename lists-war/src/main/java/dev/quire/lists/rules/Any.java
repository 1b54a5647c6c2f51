package dev.quire.lists.rules;

import dev.quire.lists.posting.Post;

/** {@code any}: some earlier rule recorded a reason. */
public final class Any implements Rule {
    @Override
    public String name() {
        return "any";
    }

    @Override
    public boolean matches(Post post) {
        return !post.reasons().isEmpty();
    }
}
