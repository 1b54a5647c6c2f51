package dev.quire.lists.bounce;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.lmtp.ListAddressHandler;
import dev.quire.lists.message.MailMessage;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/**
 * The {@code -bounces} address and its VERP forms: each message is recognized ({@link BounceRecognizer})
 * and scored ({@link BounceProcessor}). A bounce nobody can read goes to the owners; it is never refused,
 * since the MTA could only bounce it back to a null sender.
 */
@ApplicationScoped
public class BouncesAddress implements ListAddressHandler {
    private static final Logger LOG = Logger.getLogger(BouncesAddress.class.getName());

    @Inject
    BounceProcessor processor;

    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.BOUNCES);
    }

    @Override
    public Reply deliver(MailingList list, ListAddress address, EmailAddress sender, byte[] raw) throws IOException {
        List<BounceReport> reports = BounceRecognizer.recognize(address.detail(), raw);
        String messageId = MailMessage.parse(raw).header("Message-ID").orElse(null);
        List<BounceProcessor.Outcome> outcomes = processor.process(list, reports, messageId, raw, Instant.now());
        LOG.info(() -> "bounce for " + list.postingAddress() + " (" + address.detail() + ") " + messageId + ": "
                + reports + " -> " + outcomes);
        return Reply.ok("2.0.0", "Bounce received");
    }
}
