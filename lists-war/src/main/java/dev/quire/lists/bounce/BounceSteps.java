package dev.quire.lists.bounce;

/** The names bounce processing writes in the membership audit ({@code membership_event.event}). */
public final class BounceSteps {
    /** A bounce added to the member's score. */
    public static final String SCORED = "BOUNCE_SCORED";
    /** The score reached the threshold: delivery disabled. */
    public static final String DISABLED = "BOUNCE_DISABLED";
    /** A warning with a re-enable token went to the disabled member. */
    public static final String WARNED = "BOUNCE_WARNED";
    /** Every warning went unanswered: the member was unsubscribed. */
    public static final String REMOVED = "BOUNCE_REMOVED";
    /** The score was older than the list's bounce_info_stale_after_days and went back to zero. */
    public static final String RESET = "BOUNCE_SCORE_RESET";
    /** The member confirmed the warning's token: delivery on again. */
    public static final String REENABLED = "BOUNCE_REENABLED";
    /** The outage guard held the bounce back: too many members bounced within a day. */
    public static final String HELD = "BOUNCE_HELD";
    /** The owners were told about a suspected outage (at most once a day per list). */
    public static final String GUARD_NOTICE = "BOUNCE_GUARD_NOTICE";
    public static final String HELD_REPLAYED = "BOUNCE_HELD_REPLAYED";
    public static final String HELD_EXPIRED = "BOUNCE_HELD_EXPIRED";
    /** Who acts in the audit when bounce processing does. */
    public static final String ACTOR = "bounce-processor";

    private BounceSteps() {
    }
}
