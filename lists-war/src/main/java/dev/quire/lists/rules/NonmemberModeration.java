package dev.quire.lists.rules;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.Action;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * {@code nonmember-moderation}: none of the post's senders (From, Sender, the envelope sender) is a member
 * of the list, and the list's default non-member action is not {@code defer}. The rule chooses that action
 * (Mailman's default: hold).
 */
@ApplicationScoped
public class NonmemberModeration implements Rule {
    @Inject
    MailingListRepository lists;

    @Override
    public String name() {
        return "nonmember-moderation";
    }

    @Override
    public boolean matches(Post post) {
        Action action = post.list().posting().defaultNonmemberAction();
        if (action == Action.DEFER) {
            return false;
        }
        List<EmailAddress> senders = post.senders();
        for (EmailAddress s : senders) {
            if (lists.hasRole(post.list(), s, MemberRole.MEMBER)) {
                return false;
            }
        }
        post.choose(name(), action);
        post.addReason(name(), "the message is not from a list member" + (senders.isEmpty()
                ? ""
                : " (" + senders.get(0) + ")")
                + (action == Action.HOLD
                        ? ""
                        : "; non-members' posts: " + action.name().toLowerCase(Locale.ROOT)));
        return true;
    }
}
