package dev.quire.lists.security;

/** The request needs a logged-in user or an API token and has neither: 401, or the login page. */
public final class NotAuthenticated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotAuthenticated() {
        super("Log in, or send an API token (Authorization: Bearer ...).");
    }
}
