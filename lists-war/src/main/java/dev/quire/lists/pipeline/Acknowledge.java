package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.lists.notice.Template;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * {@code acknowledge}: tells a member who asked for it ({@code acknowledgePosts}) that their post went out to
 * the list. The author is the From address, else the envelope sender; non-members get nothing.
 */
@ApplicationScoped
public class Acknowledge implements Handler {
    static final String TEMPLATE = "Your message entitled\n\n    $subject\n\nwas successfully received by the "
            + "$display_name mailing list.\n\nTo change your options, write to $request_email with \"help\" "
            + "in the subject.\n";

    @Inject
    MailingListRepository lists;

    @Inject
    Notifier notifier;

    @Override
    public void process(Post post) throws IOException {
        Optional<EmailAddress> author = Authors.from(post.message()).flatMap(Authors::address)
                .or(() -> Optional.ofNullable(post.envelopeSender()));
        if (author.isEmpty()) {
            return;
        }
        MailingList list = post.list();
        // one indexed look-up of the author, not the whole roster (10,000 entities on a big list)
        Optional<Member> member = lists.member(list, author.get(), MemberRole.MEMBER)
                .filter(Member::deliveryEnabled);
        if (member.isEmpty() || !member.get().acknowledgePosts()) {
            return;
        }
        notifier.send(list.address(ListAddress.Function.BOUNCES), notice(post, author.get()));
    }

    static Notice notice(Post post, EmailAddress author) {
        MailingList list = post.list();
        String subject = post.message().header("Subject").orElse("(no subject)");
        String body = Template.render(TEMPLATE, Map.of("subject", subject, "display_name", list.displayName(),
                "request_email", list.address(ListAddress.Function.REQUEST).toString()));
        return Notice.of(list.address(ListAddress.Function.OWNER), list.displayName(), List.of(author),
                list.displayName() + " post acknowledgement", body)
                .inReplyTo(post.message().header("Message-ID").orElse(null));
    }
}
