package dev.quire.lists.moderation;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.Action;
import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.HeldMessageRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.posting.Post;
import dev.quire.lists.posting.PostingService;
import dev.quire.lists.posting.RejectNotice;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * What moderators do with held posts, for one or many at once: the one service behind moderation by
 * email, the web admin and REST. Accepting sends a post through the pipeline as if the chain had
 * accepted it; rejecting tells its sender the moderator's reason; discarding drops it; deferring leaves it
 * held. Posts acted on leave the queue with their email tokens. A failure undoes the whole call (every public
 * method is one transaction).
 */
@ApplicationScoped
@Transactional(rollbackOn = IOException.class)
public class ModerationService {
    private static final Logger LOG = Logger.getLogger(ModerationService.class.getName());

    @Inject
    HeldMessageRepository held;

    @Inject
    MailingListRepository lists;

    @Inject
    PendingRequestRepository pending;

    @Inject
    PostingService posting;

    @Inject
    RejectNotice rejectNotice;

    @Inject
    ModeratorNotices notices;

    /** Carries out one decision on held posts of a list; ids that are not held on it get a not-done outcome. */
    public List<Outcome> moderate(MailingList list, List<Long> ids, Decision decision, EmailAddress moderator)
            throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            Optional<HeldMessage> h = held.lock(list, id);
            Outcome outcome = h.isEmpty()
                    ? new Outcome(id, false, "no post #" + id + " is held on " + list.postingAddress())
                    : act(h.get(), decision);
            LOG.info(() -> "moderation of " + list.postingAddress() + " #" + id + " by <" + moderator + ">: "
                    + decision.verdict() + ": " + outcome.detail());
            outcomes.add(outcome);
        }
        return outcomes;
    }

    public List<Outcome> accept(MailingList list, List<Long> ids, EmailAddress moderator) throws IOException {
        return moderate(list, ids, Decision.of(Decision.Verdict.ACCEPT), moderator);
    }

    public List<Outcome> reject(MailingList list, List<Long> ids, String reason, EmailAddress moderator)
            throws IOException {
        return moderate(list, ids, Decision.reject(reason), moderator);
    }

    public List<Outcome> discard(MailingList list, List<Long> ids, EmailAddress moderator) throws IOException {
        return moderate(list, ids, Decision.of(Decision.Verdict.DISCARD), moderator);
    }

    public List<Outcome> defer(MailingList list, List<Long> ids, EmailAddress moderator) throws IOException {
        return moderate(list, ids, Decision.of(Decision.Verdict.DEFER), moderator);
    }

    public List<Outcome> acceptAndUnmoderate(MailingList list, List<Long> ids, EmailAddress moderator)
            throws IOException {
        return moderate(list, ids, Decision.of(Decision.Verdict.ACCEPT_AND_UNMODERATE), moderator);
    }

    /**
     * Reminds each list's owners and moderators of posts held longer than a day, in one digest per list and
     * at most once a day per list. The scheduled job of the cron module calls this; returns how many lists'
     * moderators were reminded.
     */
    public int remindModerators(Instant now) {
        return notices.remind(now);
    }

    /**
     * Rejects, with a notice to each sender, every post held since before {@code cutoff}: nobody moderated
     * it in time. Returns how many posts left the queue.
     */
    public int expireHeld(Instant cutoff) throws IOException {
        int expired = 0;
        for (HeldMessage h : held.heldBefore(cutoff)) {
            List<Outcome> o = moderate(h.list(), List.of(h.id()), Decision.reject(
                    "no moderator acted on it before " + cutoff.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + ", when the list stops holding posts"),
                    h.list().address(dev.quire.db.list.ListAddress.Function.OWNER));
            expired += o.get(0).done() ? 1 : 0;
        }
        return expired;
    }

    private Outcome act(HeldMessage h, Decision decision) throws IOException {
        long id = h.id();
        switch (decision.verdict()) {
            case ACCEPT :
                posting.distribute(post(h));
                leaveQueue(h);
                return new Outcome(id, true, "accepted and sent to the list");
            case ACCEPT_AND_UNMODERATE :
                Post post = post(h);
                String unmoderated = unmoderate(post);
                posting.distribute(post);
                leaveQueue(h);
                return new Outcome(id, true, "accepted and sent to the list; " + unmoderated);
            case REJECT :
                String reason = decision.reason().isEmpty() ? "(the moderator gave no reason)" : decision.reason();
                boolean told = rejectNotice.send(h.list(), sender(h), MailMessage.parse(h.raw()),
                        List.of("a moderator of the list rejected it: " + reason));
                leaveQueue(h);
                return new Outcome(id, true, told
                        ? "rejected; the sender was told why"
                        : "rejected; the post looks automated, so nobody was told");
            case DISCARD :
                leaveQueue(h);
                return new Outcome(id, true, "discarded");
            case DEFER :
            default :
                return new Outcome(id, true, "deferred; it stays held");
        }
    }

    /**
     * Mailman's semantics: the member's own action is cleared so the list's default applies, or set to
     * accept when the list's default itself moderates members.
     */
    private String unmoderate(Post post) {
        for (EmailAddress sender : post.senders()) {
            Optional<Member> member = lists.member(post.list(), sender, MemberRole.MEMBER);
            if (member.isPresent()) {
                Action listDefault = post.list().posting().defaultMemberAction();
                boolean defaultModerates = listDefault != Action.DEFER && listDefault != Action.ACCEPT;
                member.get().setModerationAction(defaultModerates ? Action.ACCEPT : null);
                return "posts by the member " + sender + " are no longer moderated";
            }
        }
        return "the sender is not a member, so later posts are still moderated as a non-member's";
    }

    private void leaveQueue(HeldMessage h) {
        pending.open(h.list(), HeldPostFlow.KIND, Instant.now()).stream()
                .filter(r -> HeldPostFlow.data(h.id()).equals(r.data()))
                .forEach(pending::remove);
        held.remove(h);
    }

    private static Post post(HeldMessage h) {
        return new Post(h.list(), sender(h), MailMessage.parse(h.raw()));
    }

    private static EmailAddress sender(HeldMessage h) {
        try {
            return h.sender() == null ? null : EmailAddress.parse(h.sender());
        } catch (InvalidAddressException e) {
            return null;
        }
    }
}
