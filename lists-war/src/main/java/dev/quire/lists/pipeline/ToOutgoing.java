package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.DeliveryMode;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * {@code to-outgoing}: hands the post to the MTA for every member who gets regular delivery (digest members
 * wait for the digest, and an author who chose not-metoo is left out). A non-personalized list sends one
 * copy in one SMTP transaction from {@code list-bounces@domain}, and the MTA fans out. A personalized list
 * sends one copy per member, each from its VERP address ({@link PersonalizedFanOut}).
 * With {@code quire.lists.verp} the common copy is handed over with Postfix's XVERP, so the MTA sends each
 * member's copy from its VERP address and every bounce names its member.
 */
@ApplicationScoped
public class ToOutgoing implements Handler {
    @Inject
    MailingListRepository lists;

    @Inject
    MtaSubmission mta;

    @Inject
    Copies copies;

    @Inject
    PersonalizedFanOut fanOut;

    @Inject
    ListsSettings settings;

    @Override
    public void process(Post post) throws IOException {
        List<Member> members = recipients(post, lists.deliveryRoster(post.list(), MemberRole.MEMBER));
        if (members.isEmpty()) {
            return;
        }
        MailingList list = post.list();
        EmailAddress bounces = list.address(ListAddress.Function.BOUNCES);
        if (!list.pipeline().personalize()) {
            mta.submit(bounces, members.stream().map(Member::address).toList(), copies.common(list, post.message()),
                    settings.verp());
            return;
        }
        fanOut.deliver(list, post.message(), members);
    }

    /** Regular-delivery members, without the author when the author asked not to get their own posts. */
    static List<Member> recipients(Post post, List<Member> roster) {
        Optional<String> author = Authors.from(post.message()).map(m -> m.getAddress())
                .or(() -> Optional.ofNullable(post.envelopeSender()).map(EmailAddress::toString));
        return roster.stream()
                .filter(m -> m.deliveryMode() == DeliveryMode.REGULAR)
                .filter(m -> m.receiveOwnPostings() || author.isEmpty()
                        || !m.address().toString().equalsIgnoreCase(author.get()))
                .toList();
    }
}
