package dev.quire.mail.smtp;

import java.io.IOException;

/** An SMTP peer answered with a reply that makes the connection unusable (a refused banner or greeting). */
public class SmtpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    /**
     * @param message what was being attempted
     * @param reply the peer's reply
     */
    public SmtpException(String message, Reply reply) {
        super(message + ": " + reply.toWire());
        this.reply = reply;
    }

    /** The peer's reply. */
    public Reply reply() {
        return reply;
    }
}
