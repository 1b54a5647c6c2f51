package dev.quire.lists.api;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.PipelineSettings;
import dev.quire.db.list.PostingPolicy;
import dev.quire.db.list.SubscriptionSettings;

/** A list's settings as owners see them; secrets (the moderator password's hash) are left out. */
public record ListSettingsView(String address, String listId, String displayName, String subjectPrefix,
        String description, String style, String archivePolicy, boolean advertised, Posting posting,
        Subscriptions subscriptions, Pipeline pipeline) {

    /** What the posting chain consults. */
    public record Posting(boolean emergency, String defaultMemberAction, String defaultNonmemberAction,
            boolean requireExplicitDestination, boolean administrivia, int maxRecipients, int maxMessageSizeKb,
            boolean adminImmedNotify) {
    }

    /** Joining and leaving. */
    public record Subscriptions(String subscriptionPolicy, String unsubscriptionPolicy, String rosterVisibility,
            boolean sendWelcome, boolean sendGoodbye) {
    }

    /** How accepted posts are changed. */
    public record Pipeline(String replyToPolicy, String replyToAddress, String dmarcMitigation,
            boolean filterContent, boolean personalize) {
    }

    static ListSettingsView of(MailingList l) {
        PostingPolicy p = l.posting();
        SubscriptionSettings s = l.subscriptions();
        PipelineSettings q = l.pipeline();
        return new ListSettingsView(l.postingAddress().toString(), l.listId(), l.displayName(), l.subjectPrefix(),
                l.description(), l.style().name(), l.archivePolicy().name(), l.advertised(),
                new Posting(p.emergency(), p.defaultMemberAction().name(), p.defaultNonmemberAction().name(),
                        p.requireExplicitDestination(), p.administrivia(), p.maxRecipients(), p.maxMessageSizeKb(),
                        p.adminImmedNotify()),
                new Subscriptions(s.subscriptionPolicy().name(), s.unsubscriptionPolicy().name(),
                        s.rosterVisibility().name(), s.sendWelcome(), s.sendGoodbye()),
                new Pipeline(q.replyToPolicy().name(), q.replyToAddress(), q.dmarcMitigation().name(),
                        q.filterContent(), q.personalize()));
    }
}
