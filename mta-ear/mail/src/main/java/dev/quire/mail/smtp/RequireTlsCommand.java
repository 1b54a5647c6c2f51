package dev.quire.mail.smtp;

import java.io.IOException;

/** Wraps a verb that must wait for TLS when the server requires it ({@link SmtpServerConfig#requireTls()}). */
final class RequireTlsCommand implements Command {

    static final Reply MUST_STARTTLS = new Reply(530, "5.7.0", "Must issue a STARTTLS command first");

    private final Command wrapped;

    RequireTlsCommand(Command wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (session.config().requireTls() && !session.isTls()) {
            session.error(MUST_STARTTLS);
        } else {
            wrapped.execute(argument, session);
        }
    }
}
