package dev.quire.mail.smtp;

import java.io.IOException;

/** One SMTP/LMTP verb. Implementations are stateless; all state lives in the {@link Session}. */
interface Command {

    /**
     * Runs the verb and writes its reply.
     *
     * @param argument the text after the verb and its separating space, possibly empty; untrusted
     * @param session the session the command arrived on
     * @throws IOException if the connection failed
     */
    void execute(String argument, Session session) throws IOException;
}
