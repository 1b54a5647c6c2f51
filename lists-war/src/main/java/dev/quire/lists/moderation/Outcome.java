package dev.quire.lists.moderation;

/**
 * What became of one held post a moderator acted on.
 *
 * @param heldId the held post's id
 * @param done false when there was nothing to act on (no such held post on the list)
 * @param detail one line for the moderator, such as "accepted and sent to the list"
 */
public record Outcome(long heldId, boolean done, String detail) {
}
