package dev.quire.lists.posting;

/** What a chain link does when its rule matches. */
public enum Action {
    /** Keep going: the rule's reason is collected for the moderator. */
    DEFER,
    /** Send the post to the members. */
    ACCEPT,
    /** Keep the post for a moderator. */
    HOLD,
    /** Refuse the post; the sender is told. */
    REJECT,
    /** Drop the post silently (loops, spam). */
    DISCARD
}
