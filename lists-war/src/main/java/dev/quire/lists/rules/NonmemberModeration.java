package dev.quire.lists.rules;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * {@code nonmember-moderation}: none of the post's senders (From, Sender, the envelope sender) is a member
 * of the list. Mailman's default action for non-members is to hold.
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
        List<EmailAddress> senders = senders(post);
        for (EmailAddress s : senders) {
            if (lists.hasRole(post.list(), s, MemberRole.MEMBER)) {
                return false;
            }
        }
        post.addReason(name(), "the message is not from a list member" + (senders.isEmpty()
                ? ""
                : " ("
                        + senders.get(0) + ")"));
        return true;
    }

    static List<EmailAddress> senders(Post post) {
        List<EmailAddress> out = new ArrayList<>();
        for (String header : List.of("From", "Sender")) {
            for (String value : post.message().headers(header)) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        parse(a.getAddress(), out);
                    }
                } catch (AddressException e) {
                    // an unparsable header names nobody; the other senders still count
                }
            }
        }
        if (post.envelopeSender() != null) {
            out.add(post.envelopeSender());
        }
        return out;
    }

    private static void parse(String address, List<EmailAddress> out) {
        try {
            if (address != null) {
                out.add(EmailAddress.parse(address));
            }
        } catch (InvalidAddressException e) {
            // not a usable address: it cannot be a member
        }
    }
}
