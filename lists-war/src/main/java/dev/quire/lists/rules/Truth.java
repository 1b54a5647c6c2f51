package dev.quire.lists.rules;

import dev.quire.lists.posting.Post;

/** {@code truth}: always matches; the chain's last row. */
public final class Truth implements Rule {
    @Override
    public String name() {
        return "truth";
    }

    @Override
    public boolean matches(Post post) {
        return true;
    }
}
