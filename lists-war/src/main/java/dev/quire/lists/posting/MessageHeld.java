package dev.quire.lists.posting;

import java.util.List;

import dev.quire.db.list.HeldMessage;

/**
 * A post was held for moderation: fired in the transaction that stored it, so observers that tell the
 * moderators act (or fail) together with the hold.
 *
 * @param held the stored post
 * @param reasons every reason the chain gave, in the chain's order
 */
public record MessageHeld(HeldMessage held, List<String> reasons) {
    public MessageHeld {
        reasons = List.copyOf(reasons);
    }
}
