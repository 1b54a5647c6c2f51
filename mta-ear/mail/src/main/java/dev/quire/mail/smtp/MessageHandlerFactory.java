package dev.quire.mail.smtp;

/** Creates the {@link MessageHandler} for each mail transaction; called on the session's thread at MAIL time. */
public interface MessageHandlerFactory {

    /** A new handler for one transaction on the given session. */
    MessageHandler create(SessionContext ctx);
}
