package dev.quire.lists.subscription;

/**
 * What became of a subscription or unsubscription request, with the sentence the person who asked is shown.
 *
 * @param status the result, for callers that branch on it (the web form)
 * @param message one or two sentences for a command reply or a web page
 */
public record Outcome(Status status, String message) {
    /** The results a request can have. */
    public enum Status {
        SUBSCRIBED, UNSUBSCRIBED, CONFIRMATION_SENT, CONFIRMATION_RESENT, AWAITING_APPROVAL, ALREADY_MEMBER, NOT_MEMBER
    }
}
