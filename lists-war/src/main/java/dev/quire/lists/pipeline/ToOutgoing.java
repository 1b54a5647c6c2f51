package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.lists.posting.Post;
import dev.quire.mail.EmailAddress;

/**
 * Hands the post to the MTA for every member whose delivery is enabled, as one SMTP transaction with
 * envelope sender {@code list-bounces@domain}; the MTA fans out.
 */
@ApplicationScoped
public class ToOutgoing implements Handler {
    @Inject
    MailingListRepository lists;

    @Inject
    MtaSubmission mta;

    @Override
    public void process(Post post) throws IOException {
        List<EmailAddress> recipients = lists.deliveryRoster(post.list(), MemberRole.MEMBER).stream()
                .map(Member::address)
                .toList();
        if (recipients.isEmpty()) {
            return;
        }
        mta.submit(post.list().address(ListAddress.Function.BOUNCES), recipients, post.message().toBytes());
    }
}
