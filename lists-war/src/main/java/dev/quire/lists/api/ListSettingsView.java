package dev.quire.lists.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.PipelineSettings;
import dev.quire.db.list.PostingPolicy;
import dev.quire.db.list.SubscriptionSettings;
import dev.quire.lists.admin.ListSettings;
import dev.quire.lists.admin.ListSettings.Setting;

/**
 * A list's settings as owners see them; secrets (the moderator password's hash) are left out. {@code settings}
 * holds every setting an owner may change, by the names {@code PATCH} takes; the groups before it are the
 * summary earlier clients read.
 */
public record ListSettingsView(String address, String listId, String displayName, String subjectPrefix,
        String description, String style, String archivePolicy, boolean advertised, Posting posting,
        Subscriptions subscriptions, Pipeline pipeline, Map<String, Object> settings) {

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
                        q.filterContent(), q.personalize()),
                values(l));
    }

    private static Map<String, Object> values(MailingList l) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : ListSettings.all()) {
            Object v = s.value(l);
            values.put(s.name(), v instanceof Enum ? ((Enum<?>) v).name() : v);
        }
        return values;
    }
}
