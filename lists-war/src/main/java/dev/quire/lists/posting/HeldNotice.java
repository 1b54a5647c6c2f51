package dev.quire.lists.posting;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.message.Automated;
import dev.quire.lists.message.MailMessage;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.mail.EmailAddress;

/**
 * Tells the sender of a held post that it awaits a moderator (Mailman's {@code respond_to_post_requests},
 * a list setting, on by default). Sent from the list's {@code -owner} address with the null envelope sender, and
 * never for a null sender, a bounce or anything that looks automated or like a loop. At most
 * {@code quire.lists.max-autoresponses-per-day} (default 10) such notices go to one sender per list and day;
 * the next one says so, and after it the sender hears nothing more that day.
 */
@ApplicationScoped
public class HeldNotice {
    /** The {@code autoresponse.kind} of these notices. */
    static final String KIND = "held";
    static final String MAX_KEY = "quire.lists.max-autoresponses-per-day";

    @Inject
    Notifier notifier;

    @Inject
    AutoResponses responses;

    @Inject
    ListsSettings settings;

    /** Sends the notice when the list, the post and the day's count allow; returns whether one was sent. */
    public boolean send(MailingList list, EmailAddress sender, MailMessage post, List<String> reasons)
            throws IOException {
        if (!list.posting().respondToPostRequests() || Automated.looksAutomated(post, sender)) {
            return false;
        }
        int max = settings.value(MAX_KEY).map(Integer::parseInt).orElse(10);
        int n = responses.count(list, sender, KIND, LocalDate.now(ZoneOffset.UTC));
        if (n > max + 1) {
            return false;
        }
        String subject = post.header("Subject").orElse("(no subject)");
        String body;
        String title;
        if (n <= max) {
            title = "Your message to " + list.displayName() + " awaits moderator approval";
            body = "Your message to " + list.postingAddress() + " is being held until a list moderator can"
                    + " review it for approval.\n\n"
                    + "    Subject: " + subject + "\n\n"
                    + "It was held because:\n"
                    + reasons.stream().map(r -> "    - " + r).collect(Collectors.joining("\n")) + "\n\n"
                    + "Either the message will get posted to the list, or you will receive notification of the"
                    + " moderator's decision.\n\n"
                    + "Questions go to the list's owners at " + list.address(ListAddress.Function.OWNER) + ".\n";
        } else {
            title = "No more notices today from " + list.displayName();
            body = "You have sent " + list.postingAddress() + " more held messages today than it answers (" + max
                    + "). Your message is held like the others, but you will get no more notices about held"
                    + " messages until tomorrow.\n\n    Subject: " + subject + "\n";
        }
        Notice notice = Notice.of(list.address(ListAddress.Function.OWNER), list.displayName(), List.of(sender), title,
                body)
                .inReplyTo(post.header("Message-ID").orElse(null));
        notifier.send(null, notice);
        return true;
    }
}
