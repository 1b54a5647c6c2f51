package dev.quire.lists.subscription;

import java.util.ArrayList;
import java.util.List;

import dev.quire.db.list.SubscriptionPolicy;

/** The named steps a subscription or unsubscription request waits at, in the order they are passed. */
public enum Step {
    /** The address itself confirms, proving it asked (or agrees). */
    CONFIRM,
    /** An owner or moderator approves or rejects. */
    MODERATE;

    /**
     * The steps a new request must pass. An administrator's change needs none; a request made by someone
     * for another address always needs that address's confirmation, whatever the policy.
     */
    public static List<Step> plan(SubscriptionPolicy policy, Channel channel, boolean forSelf) {
        if (channel == Channel.ADMIN) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>(switch (policy) {
            case OPEN -> List.<Step>of();
            case CONFIRM -> List.of(CONFIRM);
            case MODERATE -> List.of(MODERATE);
            case CONFIRM_THEN_MODERATE -> List.of(CONFIRM, MODERATE);
        });
        if (!forSelf && !steps.contains(CONFIRM)) {
            steps.add(0, CONFIRM);
        }
        return List.copyOf(steps);
    }
}
