package dev.quire.lists.posting;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.message.Automated;
import dev.quire.lists.message.MailMessage;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.mail.EmailAddress;

/**
 * Tells the sender of a rejected post why, from the list's {@code -owner} address and with the null
 * envelope sender (like a bounce, so it cannot loop). Nothing is sent to a null sender or for a post that
 * looks automated.
 */
@ApplicationScoped
public class RejectNotice {
    @Inject
    Notifier notifier;

    /** Sends the notice unless the post looks automated; returns whether it was sent. */
    public boolean send(MailingList list, EmailAddress sender, MailMessage post, List<String> reasons)
            throws IOException {
        if (Automated.looksAutomated(post, sender)) {
            return false;
        }
        String subject = post.header("Subject").orElse("(no subject)");
        String body = "Your message to " + list.postingAddress() + " was rejected.\n\n"
                + "    Subject: " + subject + "\n\n"
                + "The reasons:\n"
                + reasons.stream().map(r -> "    - " + r).collect(Collectors.joining("\n")) + "\n\n"
                + "Questions go to the list's owners at " + list.address(ListAddress.Function.OWNER) + ".\n";
        Notice notice = Notice.of(list.address(ListAddress.Function.OWNER), list.displayName(), List.of(sender),
                "Your message to " + list.displayName() + " was rejected", body)
                .inReplyTo(post.header("Message-ID").orElse(null));
        notifier.send(null, notice);
        return true;
    }
}
