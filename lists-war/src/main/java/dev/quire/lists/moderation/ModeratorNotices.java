package dev.quire.lists.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.HeldMessageRepository;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.lists.pending.Token;
import dev.quire.lists.posting.MessageHeld;
import dev.quire.mail.EmailAddress;

/**
 * Tells a list's owners and moderators about held posts: one notice per post as it is held (when the list
 * asks for immediate notice), with every reason, the post attached and a token to act by reply; and a
 * daily digest of posts held longer than a day.
 */
@ApplicationScoped
public class ModeratorNotices {
    private static final Logger LOG = Logger.getLogger(ModeratorNotices.class.getName());
    /** How long a notice's token acts on its held post by reply. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(14);
    /** How long a post waits before reminders name it, and how often a list's moderators are reminded. */
    static final Duration REMIND_AFTER = Duration.ofDays(1);

    @Inject
    Notifier notifier;

    @Inject
    MailingListRepository lists;

    @Inject
    HeldMessageRepository held;

    @Inject
    PendingRequestRepository pending;

    /** On a hold: the notice with a fresh token, in the transaction that stored the post. */
    void onHeld(@Observes MessageHeld event) {
        HeldMessage h = event.held();
        MailingList list = h.list();
        List<EmailAddress> to = moderators(list);
        if (!list.posting().adminImmedNotify() || to.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Token token = Token.generate();
        pending.add(new PendingRequest(token.value(), list, HeldPostFlow.KIND, HeldPostFlow.STEP,
                h.sender() == null ? "" : h.sender(), null, HeldPostFlow.data(h.id()), now.plus(TOKEN_LIFETIME)));
        EmailAddress replyTo = EmailAddress.of(ListAddress.Function.CONFIRM.localPart(list.name())
                + ListAddress.DETAIL_DELIMITER + token, list.domain().name());
        Notice notice = Notice.of(list.address(ListAddress.Function.OWNER), list.displayName(), to,
                list.displayName() + " post from " + sender(h) + " requires approval",
                HeldText.notice(h, event.reasons(), replyTo))
                .header("Reply-To", replyTo.toString())
                .attach(h.raw());
        send(list, notice);
        h.setNotifiedAt(now);
    }

    /** The daily digest; see {@link ModerationService#remindModerators}. */
    int remind(Instant now) {
        Map<Long, List<HeldMessage>> byList = new LinkedHashMap<>();
        for (HeldMessage h : held.heldBefore(now.minus(REMIND_AFTER))) {
            byList.computeIfAbsent(h.list().id(), k -> new java.util.ArrayList<>()).add(h);
        }
        int reminded = 0;
        for (List<HeldMessage> items : byList.values()) {
            MailingList list = items.get(0).list();
            Instant last = list.moderatorsRemindedAt();
            List<EmailAddress> to = moderators(list);
            if ((last != null && last.isAfter(now.minus(REMIND_AFTER))) || to.isEmpty()) {
                continue;
            }
            send(list, Notice.of(list.address(ListAddress.Function.OWNER), list.displayName(), to,
                    items.size() + " held post" + (items.size() == 1 ? "" : "s") + " of " + list.displayName()
                            + " waiting for a moderator",
                    HeldText.reminder(list, items)));
            list.setModeratorsRemindedAt(now);
            items.forEach(h -> h.setRemindedAt(now));
            reminded++;
        }
        return reminded;
    }

    /** The list's owners and moderators whose delivery is on, each once. */
    List<EmailAddress> moderators(MailingList list) {
        Set<EmailAddress> out = new LinkedHashSet<>();
        for (MemberRole role : List.of(MemberRole.OWNER, MemberRole.MODERATOR)) {
            lists.deliveryRoster(list, role).stream().map(Member::address).forEach(out::add);
        }
        return List.copyOf(out);
    }

    private void send(MailingList list, Notice notice) {
        try {
            notifier.send(list.address(ListAddress.Function.BOUNCES), notice);
            LOG.info(() -> "moderator notice for " + list.postingAddress() + " to " + notice.to() + ": "
                    + notice.subject());
        } catch (IOException e) {
            throw new UncheckedIOException("could not queue the moderator notice for " + list.postingAddress(), e);
        }
    }

    private static String sender(HeldMessage h) {
        return h.sender() == null ? "<>" : h.sender();
    }
}
