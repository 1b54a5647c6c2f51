package dev.quire.lists.pending;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.lmtp.ListAddressHandler;
import dev.quire.lists.message.Automated;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.message.Sender;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/**
 * {@code list-confirm+TOKEN@}: a reply to a message that carried a token resumes that request, whatever its
 * kind, and the person who replied is told the outcome. Automated replies (auto-responders answering the
 * Reply-To) confirm nothing.
 */
@ApplicationScoped
public class ConfirmAddress implements ListAddressHandler {
    private static final Logger LOG = Logger.getLogger(ConfirmAddress.class.getName());

    @Inject
    Confirmations confirmations;

    @Inject
    Notifier notifier;

    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.CONFIRM);
    }

    @Override
    public Reply deliver(MailingList list, ListAddress address, EmailAddress envelopeSender, byte[] raw)
            throws IOException {
        MailMessage message = MailMessage.parse(raw);
        Optional<Sender> sender = Sender.of(message, envelopeSender);
        if (Automated.looksAutomated(message, envelopeSender) || sender.isEmpty()) {
            LOG.info(() -> "automated reply to " + list.address(ListAddress.Function.CONFIRM) + " from <"
                    + envelopeSender + "> confirms nothing");
            return Reply.ok("2.0.0", "Automated message ignored");
        }
        Optional<Token> token = Token.parse(address.detail());
        Optional<String> outcome = token.isEmpty()
                ? Optional.empty()
                : confirmations.confirm(list, token.get(), sender.get().address(), raw);
        String text = outcome.orElse("The confirmation token " + address.detail()
                + " is unknown or has expired (or was already used); nothing was changed.");
        Notice notice = Notice.of(list.address(ListAddress.Function.REQUEST), list.displayName(), List.of(sender
                .get().address()), reSubject(message), text + "\n")
                .inReplyTo(message.header("Message-ID").orElse(null));
        notifier.send(list.address(ListAddress.Function.BOUNCES), notice);
        return Reply.ok("2.0.0", outcome.isPresent() ? "Confirmed" : "Unknown or expired token");
    }

    private static String reSubject(MailMessage message) {
        String subject = message.header("Subject").filter(s -> !s.isBlank()).orElse("your confirmation");
        return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    }
}
