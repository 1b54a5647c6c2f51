package dev.quire.lists.subscription;

/** Where a subscription request came from, which decides what it must pass. */
public enum Channel {
    /** An email command or a mail to {@code -join}/{@code -leave}: the list's policy applies. */
    EMAIL,
    /** The public web form: the list's policy applies. */
    WEB,
    /** An owner or site administrator acting on the roster: no confirmation, no approval. */
    ADMIN
}
