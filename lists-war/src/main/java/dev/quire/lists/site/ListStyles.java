package dev.quire.lists.site;

import java.util.Locale;

import dev.quire.db.list.Action;
import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.ListStyle;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.RosterVisibility;
import dev.quire.db.list.SubscriptionPolicy;

/**
 * The settings each {@link ListStyle} starts a list with, after Mailman 3's styles; owners change them
 * afterwards like any setting.
 * <ul>
 * <li>discussion: members post freely, non-members are held, subscribers confirm, public archive;</li>
 * <li>announce: every post is held for a moderator (owners announce), non-members too, replies go to the
 * author ({@code List-Post: NO}), public archive;</li>
 * <li>private: members post freely, subscribers confirm and a moderator approves, archive for members only,
 * the roster for moderators only.</li>
 * </ul>
 */
final class ListStyles {
    private ListStyles() {
    }

    static ListStyle parse(String style) {
        String s = style == null ? "" : style.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (s.equals("ANNOUNCE_ONLY")) {
            s = "ANNOUNCE";
        }
        try {
            return ListStyle.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw SiteRefusal.invalid("style", "must be discussion, announce or private");
        }
    }

    static void apply(ListStyle style, MailingList list) {
        list.setStyle(style);
        list.posting().setDefaultNonmemberAction(Action.HOLD);
        list.subscriptions().setUnsubscriptionPolicy(SubscriptionPolicy.CONFIRM);
        switch (style) {
            case ANNOUNCE :
                list.posting().setDefaultMemberAction(Action.HOLD);
                list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.CONFIRM);
                list.subscriptions().setRosterVisibility(RosterVisibility.MODERATORS);
                list.setArchivePolicy(ArchivePolicy.PUBLIC);
                break;
            case PRIVATE :
                list.posting().setDefaultMemberAction(Action.DEFER);
                list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.CONFIRM_THEN_MODERATE);
                list.subscriptions().setRosterVisibility(RosterVisibility.MODERATORS);
                list.setArchivePolicy(ArchivePolicy.PRIVATE);
                break;
            default :
                list.posting().setDefaultMemberAction(Action.DEFER);
                list.subscriptions().setSubscriptionPolicy(SubscriptionPolicy.CONFIRM);
                list.subscriptions().setRosterVisibility(RosterVisibility.MEMBERS);
                list.setArchivePolicy(ArchivePolicy.PUBLIC);
                break;
        }
    }
}
