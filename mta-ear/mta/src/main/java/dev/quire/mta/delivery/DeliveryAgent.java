package dev.quire.mta.delivery;

import java.util.List;
import java.util.Map;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.MessageBody;

/** A transport: delivers one message to some of its recipients and answers for each of them. */
public interface DeliveryAgent {
    /**
     * @param envelope the queued envelope (sender, queue id)
     * @param message the message: its file in the spool, or in memory at its first attempt
     * @param recipients the recipients this agent is to deliver to, all of its address class
     * @return one outcome for every recipient
     */
    Map<EmailAddress, Outcome> deliver(Envelope envelope, MessageBody message, List<EmailAddress> recipients);
}
