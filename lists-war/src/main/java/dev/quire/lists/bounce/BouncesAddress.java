package dev.quire.lists.bounce;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.lmtp.ListAddressHandler;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/** The {@code -bounces} address (and its VERP forms): bounces for the list's members. */
@ApplicationScoped
public class BouncesAddress implements ListAddressHandler {
    private static final Logger LOG = Logger.getLogger(BouncesAddress.class.getName());

    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.BOUNCES);
    }

    @Override
    public Reply deliver(MailingList list, ListAddress address, EmailAddress sender, byte[] raw) {
        LOG.info(() -> "bounce for " + list.postingAddress() + " (" + address.detail() + ") from <"
                + (sender == null ? "" : sender) + ">, " + raw.length + " octets: recorded in the log only");
        return Reply.ok("2.0.0", "Bounce received");
    }
}
