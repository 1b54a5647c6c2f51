package dev.quire.lists.rules;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/** {@code loop}: the post already passed through this list (its List-Id names the list). */
@ApplicationScoped
public class Loop implements Rule {
    @Override
    public String name() {
        return "loop";
    }

    @Override
    public boolean matches(Post post) {
        String id = "<" + post.list().listId() + ">";
        boolean loop = post.message().headers("List-Id").stream().anyMatch(v -> v.toLowerCase().endsWith(id));
        if (loop) {
            post.addReason(name(), "the message already carries this list's List-Id");
        }
        return loop;
    }
}
