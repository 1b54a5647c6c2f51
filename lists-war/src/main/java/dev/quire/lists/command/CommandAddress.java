package dev.quire.lists.command;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.lmtp.ListAddressHandler;
import dev.quire.lists.message.Automated;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.message.Sender;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/**
 * A list address that takes commands: reads them, runs them for the sender and answers with the results.
 * Automated mail (bounces, auto-responders, other lists) is accepted and dropped without an answer, so two
 * robots never talk to each other.
 */
abstract class CommandAddress implements ListAddressHandler {
    private static final Logger LOG = Logger.getLogger(CommandAddress.class.getName());

    @Inject
    CommandProcessor processor;

    @Inject
    CommandReply reply;

    /** The command lines this address reads from a message. */
    protected abstract CommandLines lines(MailMessage message, byte[] raw);

    @Override
    public Reply deliver(MailingList list, ListAddress address, EmailAddress envelopeSender, byte[] raw)
            throws IOException {
        MailMessage message = MailMessage.parse(raw);
        String to = list.address(address.function()).toString();
        Optional<Sender> sender = Sender.of(message, envelopeSender);
        if (Automated.looksAutomated(message, envelopeSender) || sender.isEmpty()) {
            LOG.info(() -> "automated message to " + to + " from <" + envelopeSender + "> ignored");
            return Reply.ok("2.0.0", "Automated message to " + to + " ignored");
        }
        CommandLines lines = lines(message, raw);
        String results = processor.run(new CommandContext(list, sender.get(), raw), lines);
        reply.send(list, sender.get(), message, results);
        LOG.info(() -> lines.lines().size() + " command(s) to " + to + " from <" + sender.get().address()
                + ">: " + lines.lines());
        return Reply.ok("2.0.0", "Commands to " + to + " processed; the results go to " + sender.get().address());
    }
}
