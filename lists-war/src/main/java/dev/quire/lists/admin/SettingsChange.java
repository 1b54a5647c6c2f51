package dev.quire.lists.admin;

import dev.quire.db.list.Action;
import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.ReplyToPolicy;
import dev.quire.db.list.SubscriptionPolicy;

/**
 * The settings an owner may change through the settings API; a null field stays as it is. Values are
 * already checked (lengths, ranges) by the adapter that built the change.
 */
public record SettingsChange(String displayName, String subjectPrefix, String description, Boolean emergency,
        Integer maxMessageSizeKb, Integer maxRecipients, Action defaultMemberAction, Action defaultNonmemberAction,
        SubscriptionPolicy subscriptionPolicy, ArchivePolicy archivePolicy, ReplyToPolicy replyToPolicy,
        Boolean advertised) {
}
