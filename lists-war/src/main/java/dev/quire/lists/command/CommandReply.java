package dev.quire.lists.command;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.message.Sender;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;

/**
 * Sends the results of commands back to their sender: from {@code list-request@}, envelope sender
 * {@code list-bounces@} (so a bounce of the reply is a bounce, never another command), threaded to the
 * message it answers and marked auto-replied.
 */
@ApplicationScoped
public class CommandReply {
    @Inject
    Notifier notifier;

    public void send(MailingList list, Sender to, MailMessage original, String body) throws IOException {
        String subject = original.header("Subject").filter(s -> !s.isBlank()).map(s -> s.matches("(?i)re:.*")
                ? s
                : "Re: " + s).orElse("The results of your email commands");
        Notice notice = Notice.of(list.address(ListAddress.Function.REQUEST), list.displayName(), List.of(to
                .address()), subject, body).inReplyTo(original.header("Message-ID").orElse(null));
        notifier.send(list.address(ListAddress.Function.BOUNCES), notice);
    }
}
