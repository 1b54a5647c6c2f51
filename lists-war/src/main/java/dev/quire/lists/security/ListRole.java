package dev.quire.lists.security;

/** What a caller may do on one list, weakest first: each role may do everything the ones before it may. */
public enum ListRole {
    /** Nothing; the list is not even shown to exist. */
    NONE,
    /** Moderation only: held posts and pending requests. */
    MODERATOR,
    /** Everything about the list: settings, members, moderation. */
    OWNER,
    /** Everything about every list, and the site. */
    SITE_ADMIN;

    public boolean atLeast(ListRole other) {
        return compareTo(other) >= 0;
    }
}
