package dev.quire.lists.rules;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.Action;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * {@code member-moderation}: the post is from a member whose moderation action (or, when the member has
 * none, the list's default member action) is anything but {@code defer}. The rule chooses that action.
 */
@ApplicationScoped
public class MemberModeration implements Rule {
    @Inject
    MailingListRepository lists;

    @Override
    public String name() {
        return "member-moderation";
    }

    @Override
    public boolean matches(Post post) {
        for (EmailAddress sender : post.senders()) {
            Optional<Member> member = lists.member(post.list(), sender, MemberRole.MEMBER);
            if (member.isPresent()) {
                Action own = member.get().moderationAction();
                Action action = own != null ? own : post.list().posting().defaultMemberAction();
                if (action == Action.DEFER) {
                    return false;
                }
                post.choose(name(), action);
                post.addReason(name(), "posts by the member " + sender + " are moderated (" + action.name()
                        .toLowerCase(Locale.ROOT) + (own == null ? ", the list's default)" : ")"));
                return true;
            }
        }
        return false;
    }
}
