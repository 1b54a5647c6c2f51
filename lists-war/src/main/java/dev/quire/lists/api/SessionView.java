package dev.quire.lists.api;

/**
 * Who the API sees: the user, whether a site admin, and, for a logged-in session (not a token), the CSRF
 * token that changes through the API must send in the {@code X-CSRF-Token} header.
 */
public record SessionView(String username, boolean siteAdmin, String csrfToken) {
}
