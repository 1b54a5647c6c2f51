package dev.quire.mail.smtp;

import java.io.IOException;

/**
 * Thrown by the message stream handed to {@link MessageHandler#data} once the whole message has been read, when it
 * broke a rule; carries the reply the engine sends. The handler should discard what it stored.
 */
public class DataRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    /** @param reply the rejection the engine sends to the client */
    public DataRejectedException(Reply reply) {
        super(reply.toWire());
        this.reply = reply;
    }

    /** The rejection reply. */
    public Reply reply() {
        return reply;
    }
}
