package dev.quire.lists.posting;

import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.Action;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.lmtp.ListAddressHandler;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/** The posting address: a message to {@code list@} is a post, decided by the chain. */
@ApplicationScoped
public class PostingAddress implements ListAddressHandler {
    @Inject
    PostingService posting;

    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.POST);
    }

    @Override
    public Reply deliver(MailingList list, ListAddress address, EmailAddress sender, byte[] raw)
            throws IOException {
        Action action = posting.post(list, sender, raw);
        String to = list.postingAddress().toString();
        return switch (action) {
            case ACCEPT -> Reply.ok("2.0.0", "Posted to " + to);
            case HOLD -> Reply.ok("2.0.0", "Held for moderation at " + to);
            case DISCARD -> Reply.ok("2.0.0", "Discarded");
            // the list engine tells the sender itself (RejectNotice): a 5xx would make the MTA send a second,
            // DSN-shaped explanation, and to automated senders too
            case REJECT -> Reply.ok("2.0.0", "Rejected by the posting policy of " + to);
            case DEFER -> throw new IllegalStateException("the chain never ends with defer");
        };
    }
}
