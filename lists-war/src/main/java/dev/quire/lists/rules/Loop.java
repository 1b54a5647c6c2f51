package dev.quire.lists.rules;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.SeenMessageRepository;
import dev.quire.lists.posting.Post;

/**
 * {@code loop}: the post already passed through this list. Its List-Id names the list, its X-BeenThere
 * is the list's posting address, or the list already distributed a post with its Message-ID.
 */
@ApplicationScoped
public class Loop implements Rule {
    @Inject
    SeenMessageRepository seen;

    @Override
    public String name() {
        return "loop";
    }

    @Override
    public boolean matches(Post post) {
        String id = "<" + post.list().listId() + ">";
        String address = post.list().postingAddress().toString();
        Optional<String> messageId = post.message().header("Message-ID").filter(m -> !m.isBlank());
        if (post.message().headers("List-Id").stream().anyMatch(v -> v.toLowerCase().endsWith(id))) {
            post.addReason(name(), "the message already carries this list's List-Id");
        } else if (post.message().headers("X-BeenThere").stream().anyMatch(v -> v.equalsIgnoreCase(address))) {
            post.addReason(name(), "the message already carries X-BeenThere: " + address);
        } else if (messageId.isPresent() && seen.seen(post.list(), messageId.get())) {
            post.addReason(name(), "the list already distributed Message-ID " + messageId.get());
        } else {
            return false;
        }
        return true;
    }
}
