package dev.quire.lists.owner;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MemberRepository;
import dev.quire.lists.lmtp.ListAddressHandler;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/**
 * Forwards a message to the list's owners and moderators (as Mailman does) in one hand-off to the MTA,
 * with envelope sender {@code list-bounces@}. The message is kept as it came, with an
 * {@code X-BeenThere: list-owner@} on top; one that already carries it went round in a loop and is dropped.
 */
@ApplicationScoped
public class OwnerAddress implements ListAddressHandler {
    private static final Logger LOG = Logger.getLogger(OwnerAddress.class.getName());

    @Inject
    MemberRepository members;

    @Inject
    MtaSubmission mta;

    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.OWNER);
    }

    @Override
    public Reply deliver(MailingList list, ListAddress address, EmailAddress sender, byte[] raw) throws IOException {
        EmailAddress owner = list.address(ListAddress.Function.OWNER);
        MailMessage message = MailMessage.parse(raw);
        if (message.headers("X-BeenThere").stream().anyMatch(v -> v.equalsIgnoreCase(owner.toString()))) {
            LOG.warning(() -> "loop: a message to " + owner + " from <" + sender + "> came back; dropped");
            return Reply.ok("2.0.0", "Loop detected; message dropped");
        }
        List<EmailAddress> staff = members.staff(list);
        if (staff.isEmpty()) {
            return new Reply(550, "5.1.1", "<" + owner + ">: the list has no owner or moderator to receive it");
        }
        message.prepend("X-BeenThere", owner.toString());
        mta.submit(list.address(ListAddress.Function.BOUNCES), staff, message.toBytes());
        LOG.info(() -> "message to " + owner + " from <" + sender + "> forwarded to " + staff);
        return Reply.ok("2.0.0", "Forwarded to the owners of " + list.postingAddress());
    }
}
