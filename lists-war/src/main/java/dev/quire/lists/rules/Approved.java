package dev.quire.lists.rules;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.user.PasswordHash;
import dev.quire.lists.message.Approval;
import dev.quire.lists.posting.Post;

/**
 * {@code approved}: the post carries the list's moderator password in an {@code Approved:} header (or
 * {@code X-Approved:}) or as the first line of its plain-text body. The password is removed before the
 * post goes anywhere, whether it was right or not.
 */
@ApplicationScoped
public class Approved implements Rule {
    @Override
    public String name() {
        return "approved";
    }

    @Override
    public boolean matches(Post post) {
        String hash = post.list().posting().moderatorPasswordHash();
        Optional<String> password = Approval.password(post.message());
        if (hash == null || password.isEmpty() || !PasswordHash.verify(password.get().toCharArray(), hash)) {
            return false;
        }
        post.addReason(name(), "the post carries the list's moderator password");
        return true;
    }
}
