package dev.quire.lists.admin;

import static dev.quire.lists.admin.ListSettings.Kind.ADDRESS;
import static dev.quire.lists.admin.ListSettings.Kind.ALIASES;
import static dev.quire.lists.admin.ListSettings.Kind.BOOLEAN;
import static dev.quire.lists.admin.ListSettings.Kind.DECIMAL;
import static dev.quire.lists.admin.ListSettings.Kind.HEADER_PATTERNS;
import static dev.quire.lists.admin.ListSettings.Kind.LINE;
import static dev.quire.lists.admin.ListSettings.Kind.LINES;
import static dev.quire.lists.admin.ListSettings.Kind.NUMBER;
import static dev.quire.lists.admin.ListSettings.Kind.TEMPLATE;
import static dev.quire.lists.admin.ListSettings.Kind.TEXT;
import static dev.quire.lists.admin.ListSettings.Section.BOUNCES;
import static dev.quire.lists.admin.ListSettings.Section.CONTENT;
import static dev.quire.lists.admin.ListSettings.Section.DELIVERABILITY;
import static dev.quire.lists.admin.ListSettings.Section.DIGESTS;
import static dev.quire.lists.admin.ListSettings.Section.GENERAL;
import static dev.quire.lists.admin.ListSettings.Section.PERSONALIZATION;
import static dev.quire.lists.admin.ListSettings.Section.POSTING;
import static dev.quire.lists.admin.ListSettings.Section.PRIVACY;
import static dev.quire.lists.admin.ListSettings.Section.SUBSCRIPTIONS;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.quire.db.list.Action;
import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.DigestPeriod;
import dev.quire.db.list.DmarcMitigation;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.ReplyToPolicy;
import dev.quire.db.list.RosterVisibility;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.lists.admin.ListSettings.Kind;
import dev.quire.lists.admin.ListSettings.Section;
import dev.quire.lists.admin.ListSettings.Setting;

/** The table of settings, section by section: what {@link ListSettings} knows. Defaults are Mailman's. */
final class SettingsTable {
    private SettingsTable() {
    }

    static void fill() {
        line(GENERAL, "displayName", "Display name", "The list's name in pages and notices.", 1, 200,
                MailingList::displayName, (l, v) -> l.setDisplayName((String) v));
        line(GENERAL, "subjectPrefix", "Subject prefix", "Put before the Subject of every post, such as [demo];"
                + " empty for none. Default: [list name].", 0, 64, MailingList::subjectPrefix,
                (l, v) -> l.setSubjectPrefix((String) v));
        add(GENERAL, "description", "Description", "A paragraph shown on the list's public page and in notices.",
                TEXT, 0, 5000, MailingList::description, (l, v) -> l.setDescription((String) v));
        bool(GENERAL, "advertised", "Advertised", "Shown on the public list index with its own public page."
                + " Default: on.", MailingList::advertised, (l, v) -> l.setAdvertised(v));
        choice(GENERAL, "replyToPolicy", "Replies go to", "NONE: the author; LIST: the list; EXPLICIT: the"
                + " address below. Default: NONE.", ReplyToPolicy.class, l -> l.pipeline().replyToPolicy(),
                (l, v) -> l.pipeline().setReplyToPolicy(ListSettings.choice(ReplyToPolicy.class, v)));
        add(GENERAL, "replyToAddress", "Explicit Reply-To address", "Used when replies go to an EXPLICIT address.",
                ADDRESS, 0, 254, l -> l.pipeline().replyToAddress(),
                (l, v) -> l.pipeline().setReplyToAddress((String) v));
        bool(GENERAL, "firstStripReplyTo", "Remove the author's Reply-To", "Drop a Reply-To the author set before"
                + " adding the list's. Default: off.", l -> l.pipeline().firstStripReplyTo(),
                (l, v) -> l.pipeline().setFirstStripReplyTo(v));

        bool(POSTING, "emergency", "Emergency moderation", "Hold every post for a moderator, members' too."
                + " Default: off.", l -> l.posting().emergency(), (l, v) -> l.posting().setEmergency(v));
        choice(POSTING, "defaultMemberAction", "Members' posts", "What happens to a member's post unless the"
                + " member has an action of their own; DEFER lets the other checks decide. Default: DEFER.",
                Action.class, l -> l.posting().defaultMemberAction(),
                (l, v) -> l.posting().setDefaultMemberAction(ListSettings.choice(Action.class, v)));
        choice(POSTING, "defaultNonmemberAction", "Non-members' posts", "What happens to a post from an address"
                + " that is not a member. Default: HOLD.", Action.class, l -> l.posting().defaultNonmemberAction(),
                (l, v) -> l.posting().setDefaultNonmemberAction(ListSettings.choice(Action.class, v)));
        bool(POSTING, "requireExplicitDestination", "Require the list in To or Cc", "Hold posts that do not name"
                + " the list (or an acceptable alias) in To or Cc. Default: on.",
                l -> l.posting().requireExplicitDestination(), (l, v) -> l.posting().setRequireExplicitDestination(v));
        add(POSTING, "acceptableAliases", "Acceptable aliases", "Addresses, or regular expressions starting with"
                + " ^, one per line, that count as naming the list. Default: none.", ALIASES, 0, 5000,
                l -> l.posting().acceptableAliases(), (l, v) -> l.posting().setAcceptableAliases((String) v));
        bool(POSTING, "administrivia", "Hold commands sent to the list", "Hold posts that look like join or leave"
                + " commands. Default: on.", l -> l.posting().administrivia(),
                (l, v) -> l.posting().setAdministrivia(v));
        number(POSTING, "maxRecipients", "Most recipients", "Hold posts with at least this many To and Cc"
                + " addresses; 0 turns the check off. Default: 10.", 0, 10_000, l -> l.posting().maxRecipients(),
                (l, v) -> l.posting().setMaxRecipients(v));
        number(POSTING, "maxMessageSizeKb", "Largest post (KiB)", "Hold posts larger than this; 0 turns the check"
                + " off. Default: 40.", 0, 1_000_000, l -> l.posting().maxMessageSizeKb(),
                (l, v) -> l.posting().setMaxMessageSizeKb(v));
        add(POSTING, "suspiciousHeaders", "Suspicious headers", "Hold posts with a matching header: one"
                + " \"header: regular expression\" per line, # starts a comment. Default: none.", HEADER_PATTERNS,
                0, 5000, l -> l.posting().suspiciousHeaders(), (l, v) -> l.posting().setSuspiciousHeaders((String) v));
        bool(POSTING, "adminImmedNotify", "Tell moderators at once", "Mail the moderators as each post is held."
                + " Default: on.", l -> l.posting().adminImmedNotify(), (l, v) -> l.posting().setAdminImmedNotify(v));
        bool(POSTING, "respondToPostRequests", "Tell the poster a post is held", "The author of a held post is told"
                + " it awaits approval. Default: on.", l -> l.posting().respondToPostRequests(),
                (l, v) -> l.posting().setRespondToPostRequests(v));

        choice(SUBSCRIPTIONS, "subscriptionPolicy", "Joining", "OPEN: at once; CONFIRM: the address confirms;"
                + " MODERATE: a moderator approves; CONFIRM_THEN_MODERATE: both. Default: CONFIRM.",
                SubscriptionPolicy.class, l -> l.subscriptions().subscriptionPolicy(),
                (l, v) -> l.subscriptions().setSubscriptionPolicy(ListSettings.choice(SubscriptionPolicy.class, v)));
        choice(SUBSCRIPTIONS, "unsubscriptionPolicy", "Leaving", "As for joining. Default: CONFIRM.",
                SubscriptionPolicy.class, l -> l.subscriptions().unsubscriptionPolicy(),
                (l, v) -> l.subscriptions().setUnsubscriptionPolicy(ListSettings.choice(SubscriptionPolicy.class, v)));
        bool(SUBSCRIPTIONS, "sendWelcome", "Welcome new members", "Mail a welcome message on joining. Default: on.",
                l -> l.subscriptions().sendWelcome(), (l, v) -> l.subscriptions().setSendWelcome(v));
        template(SUBSCRIPTIONS, "welcomeTemplate", "Welcome message", "Empty for Quire's own text.",
                ListSettings.NOTICE, l -> l.subscriptions().welcomeTemplate(),
                (l, v) -> l.subscriptions().setWelcomeTemplate((String) v));
        bool(SUBSCRIPTIONS, "sendGoodbye", "Say goodbye", "Mail a goodbye message on leaving. Default: on.",
                l -> l.subscriptions().sendGoodbye(), (l, v) -> l.subscriptions().setSendGoodbye(v));
        template(SUBSCRIPTIONS, "goodbyeTemplate", "Goodbye message", "Empty for Quire's own text.",
                ListSettings.NOTICE, l -> l.subscriptions().goodbyeTemplate(),
                (l, v) -> l.subscriptions().setGoodbyeTemplate((String) v));

        choice(PRIVACY, "archivePolicy", "Archive", "PUBLIC: anyone reads it; PRIVATE: members only; NONE: posts"
                + " are not archived. Default: PUBLIC.", ArchivePolicy.class, MailingList::archivePolicy,
                (l, v) -> l.setArchivePolicy(ListSettings.choice(ArchivePolicy.class, v)));
        choice(PRIVACY, "rosterVisibility", "Who sees the members", "Who may list the members (the who command)."
                + " Default: MODERATORS.", RosterVisibility.class, l -> l.subscriptions().rosterVisibility(),
                (l, v) -> l.subscriptions().setRosterVisibility(ListSettings.choice(RosterVisibility.class, v)));

        bool(DIGESTS, "digestsEnabled", "Digests", "Members may take posts as a digest. Default: on.",
                l -> l.digests().digestsEnabled(), (l, v) -> l.digests().setDigestsEnabled(v));
        number(DIGESTS, "digestSizeThresholdKb", "Send at this size (KiB)", "A digest goes out once its posts reach"
                + " this size. Default: 30.", 1, 100_000, l -> l.digests().digestSizeThresholdKb(),
                (l, v) -> l.digests().setDigestSizeThresholdKb(v));
        choice(DIGESTS, "digestPeriod", "Send at least", "Whatever is pending goes out this often. Default: DAILY.",
                DigestPeriod.class, l -> l.digests().digestPeriod(),
                (l, v) -> l.digests().setDigestPeriod(ListSettings.choice(DigestPeriod.class, v)));
        number(DIGESTS, "digestVolume", "Volume", "The volume number of the next digest.", 1, 1_000_000,
                l -> l.digests().digestVolume(), (l, v) -> l.digests().setDigestVolume(v));
        number(DIGESTS, "digestIssue", "Issue", "The issue number of the next digest.", 1, 1_000_000,
                l -> l.digests().digestIssue(), (l, v) -> l.digests().setDigestIssue(v));

        bool(BOUNCES, "bounceProcessing", "Process bounces", "Score bounces and disable delivery to addresses that"
                + " keep bouncing. Default: on.", l -> l.bounces().bounceProcessing(),
                (l, v) -> l.bounces().setBounceProcessing(v));
        ListSettings.add(new Setting("bounceScoreThreshold", BOUNCES, "Score that disables delivery", "A hard"
                + " bounce scores 1, a soft one 0.5. Default: 5.", DECIMAL, 1, 1000, List.of(), Set.of(),
                l -> l.bounces().bounceScoreThreshold(), (l, v) -> l.bounces().setBounceScoreThreshold((Double) v)));
        number(BOUNCES, "bounceInfoStaleAfterDays", "Forget a score after (days)", "A score older than this starts"
                + " again from zero. Default: 7.", 1, 365, l -> l.bounces().bounceInfoStaleAfterDays(),
                (l, v) -> l.bounces().setBounceInfoStaleAfterDays(v));
        number(BOUNCES, "bounceWarnings", "Warnings before removal", "Warnings sent to a disabled member before"
                + " removal. Default: 3.", 0, 100, l -> l.bounces().bounceWarnings(),
                (l, v) -> l.bounces().setBounceWarnings(v));
        number(BOUNCES, "bounceWarningIntervalDays", "Days between warnings", "Default: 7.", 1, 365,
                l -> l.bounces().bounceWarningIntervalDays(), (l, v) -> l.bounces().setBounceWarningIntervalDays(v));
        bool(BOUNCES, "bounceNotifyOwner", "Tell the owners", "Mail the owners when delivery to a member is"
                + " disabled or a member is removed for bouncing. Default: on.", l -> l.bounces().bounceNotifyOwner(),
                (l, v) -> l.bounces().setBounceNotifyOwner(v));

        choice(DELIVERABILITY, "dmarcMitigation", "DMARC mitigation", "For authors whose domain publishes"
                + " p=quarantine or p=reject: MUNGE_FROM puts the list in From, WRAP sends the post as an"
                + " attachment, NONE changes nothing. Default: MUNGE_FROM.", DmarcMitigation.class,
                l -> l.pipeline().dmarcMitigation(),
                (l, v) -> l.pipeline().setDmarcMitigation(ListSettings.choice(DmarcMitigation.class, v)));
        bool(DELIVERABILITY, "dmarcMitigateAlways", "Mitigate every post", "Apply the mitigation to every post,"
                + " whatever the author's domain publishes. Default: off.", l -> l.pipeline().dmarcMitigateAlways(),
                (l, v) -> l.pipeline().setDmarcMitigateAlways(v));

        bool(CONTENT, "filterContent", "Filter content", "Remove the parts named below from posts. Default: off.",
                l -> l.pipeline().filterContent(), (l, v) -> l.pipeline().setFilterContent(v));
        add(CONTENT, "filterTypes", "Remove these types", "MIME types (type or type/subtype), one per line.", LINES,
                0, 5000, l -> l.pipeline().filterTypes(), (l, v) -> l.pipeline().setFilterTypes((String) v));
        add(CONTENT, "passTypes", "Keep only these types", "When set, other MIME types are removed.", LINES, 0, 5000,
                l -> l.pipeline().passTypes(), (l, v) -> l.pipeline().setPassTypes((String) v));
        add(CONTENT, "filterExtensions", "Remove these extensions", "File name extensions, one per line.", LINES, 0,
                5000, l -> l.pipeline().filterExtensions(), (l, v) -> l.pipeline().setFilterExtensions((String) v));
        add(CONTENT, "passExtensions", "Keep only these extensions", "When set, other attachments are removed.",
                LINES, 0, 5000, l -> l.pipeline().passExtensions(),
                (l, v) -> l.pipeline().setPassExtensions((String) v));
        bool(CONTENT, "collapseAlternatives", "Collapse alternatives", "Keep only the first part of a"
                + " multipart/alternative. Default: on.", l -> l.pipeline().collapseAlternatives(),
                (l, v) -> l.pipeline().setCollapseAlternatives(v));
        bool(CONTENT, "convertHtmlToPlaintext", "Convert HTML to plain text", "Default: off.",
                l -> l.pipeline().convertHtmlToPlaintext(), (l, v) -> l.pipeline().setConvertHtmlToPlaintext(v));

        bool(PERSONALIZATION, "personalize", "Personalize", "One copy per member, with the member's own footer and"
                + " unsubscribe link; $user_ placeholders need it. Default: off.", l -> l.pipeline().personalize(),
                (l, v) -> l.pipeline().setPersonalize(v));
        template(PERSONALIZATION, "headerTemplate", "Header", "Text added before each post's body.",
                ListSettings.DECORATION, l -> l.pipeline().headerTemplate(),
                (l, v) -> l.pipeline().setHeaderTemplate((String) v));
        template(PERSONALIZATION, "footerTemplate", "Footer", "Text added after each post's body.",
                ListSettings.DECORATION, l -> l.pipeline().footerTemplate(),
                (l, v) -> l.pipeline().setFooterTemplate((String) v));
    }

    private static void add(Section section, String name, String label, String help, Kind kind, long min, long max,
            Function<MailingList, Object> get, BiConsumer<MailingList, Object> set) {
        ListSettings.add(new Setting(name, section, label, help, kind, min, max, List.of(), Set.of(), get, set));
    }

    private static void line(Section section, String name, String label, String help, int min, int max,
            Function<MailingList, Object> get, BiConsumer<MailingList, Object> set) {
        add(section, name, label, help, LINE, min, max, get, set);
    }

    private static void bool(Section section, String name, String label, String help,
            Function<MailingList, Object> get, BiConsumer<MailingList, Boolean> set) {
        add(section, name, label, help, BOOLEAN, 0, 0, get, (l, v) -> set.accept(l, (Boolean) v));
    }

    private static void number(Section section, String name, String label, String help, int min, int max,
            Function<MailingList, Object> get, BiConsumer<MailingList, Integer> set) {
        add(section, name, label, help, NUMBER, min, max, get, (l, v) -> set.accept(l, (Integer) v));
    }

    private static void choice(Section section, String name, String label, String help,
            Class<? extends Enum<?>> type, Function<MailingList, Object> get, BiConsumer<MailingList, Object> set) {
        ListSettings.add(new Setting(name, section, label, help, Kind.CHOICE, 0, 0, ListSettings.names(type),
                Set.of(), get, set));
    }

    private static void template(Section section, String name, String label, String help, Set<String> variables,
            Function<MailingList, Object> get, BiConsumer<MailingList, Object> set) {
        ListSettings.add(new Setting(name, section, label, help + " Placeholders such as $display_name are filled"
                + " in; an unknown one is refused.", TEMPLATE, 0, 20_000, List.of(), variables, get, set));
    }
}
