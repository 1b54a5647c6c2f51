package dev.quire.mail.smtp;

import java.io.IOException;

/** Wraps MAIL so that it waits for a successful AUTH when the server requires it ({@link SmtpServerConfig#requireAuth()}). */
final class RequireAuthCommand implements Command {

    static final Reply AUTH_REQUIRED = new Reply(530, "5.7.0", "Authentication required");

    private final Command wrapped;

    RequireAuthCommand(Command wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (session.config().requireAuth() && session.authenticatedUser().isEmpty()) {
            session.error(AUTH_REQUIRED);
        } else {
            wrapped.execute(argument, session);
        }
    }
}
