package dev.quire.mta.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.Envelope;

/** A transport: delivers one message to some of its recipients and answers for each of them. */
public interface DeliveryAgent {
    /**
     * @param envelope the queued envelope (sender, queue id)
     * @param message the message file in the spool
     * @param recipients the recipients this agent is to deliver to, all of its address class
     * @return one outcome for every recipient
     */
    Map<EmailAddress, Outcome> deliver(Envelope envelope, Path message, List<EmailAddress> recipients);
}
