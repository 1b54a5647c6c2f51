package dev.quire.lists.lmtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingListRepository;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.MessageHandler;
import dev.quire.mail.smtp.Reply;

/** One LMTP transaction: recipients are list addresses; each gets the outcome of its own function. */
final class ListTransaction implements MessageHandler {
    private static final Logger LOG = Logger.getLogger(ListTransaction.class.getName());
    private static final Reply UNAVAILABLE = new Reply(451, "4.3.0", "List lookup failed; try again later");

    private final MailingListRepository lists;
    private final Map<ListAddress.Function, ListAddressHandler> handlers;
    private EmailAddress sender;
    private final List<MailingListRepository.Resolved> recipients = new ArrayList<>();

    ListTransaction(MailingListRepository lists, Map<ListAddress.Function, ListAddressHandler> handlers) {
        this.lists = lists;
        this.handlers = handlers;
    }

    @Override
    public Reply from(EmailAddress reversePath, Map<String, String> params) {
        this.sender = reversePath;
        return Reply.ok("2.1.0", "Ok");
    }

    @Override
    public Reply recipient(EmailAddress recipient, Map<String, String> params) {
        Optional<MailingListRepository.Resolved> resolved;
        try {
            resolved = lists.resolve(recipient);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "list lookup failed for <" + recipient + ">: " + e.getMessage(), e);
            return UNAVAILABLE;
        }
        if (resolved.isEmpty()) {
            return new Reply(550, "5.1.1", "<" + recipient + ">: no such list");
        }
        ListAddress.Function f = resolved.get().address().function();
        if (!handlers.containsKey(f)) {
            return new Reply(550, "5.1.1", "<" + recipient + ">: the list's " + f.suffix()
                    + " address is not in service on this server");
        }
        recipients.add(resolved.get());
        return Reply.ok("2.1.5", "Ok");
    }

    @Override
    public List<Reply> data(InputStream message) throws IOException {
        byte[] raw = message.readAllBytes();
        List<Reply> replies = new ArrayList<>();
        for (MailingListRepository.Resolved r : recipients) {
            replies.add(deliver(r, raw));
        }
        return replies;
    }

    private Reply deliver(MailingListRepository.Resolved r, byte[] raw) {
        ListAddress address = r.address();
        String to = r.list().address(address.function()).toString();
        try {
            return handlers.get(address.function()).deliver(r.list(), address, sender, raw);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "delivery to " + to + " failed: " + e.getMessage(), e);
            return new Reply(451, "4.3.0", "Could not process the message to " + to + " now; try again later");
        }
    }
}
