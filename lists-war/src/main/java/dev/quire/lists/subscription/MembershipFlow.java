package dev.quire.lists.subscription;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.MemberRepository;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.pending.PendingFlow;
import dev.quire.lists.pending.Token;
import dev.quire.mail.EmailAddress;

/**
 * The state machine shared by joining and leaving. A request is created at the first of the steps
 * {@link Step#plan} gives, each step behind a fresh token sent to whoever must act (the address for
 * {@link Step#CONFIRM}, the owners and moderators for {@link Step#MODERATE}); passing the last step
 * completes it. Callers hold the transaction.
 */
public abstract class MembershipFlow implements PendingFlow {
    private static final Logger LOG = Logger.getLogger(MembershipFlow.class.getName());

    @Inject
    PendingRequestRepository requests;

    @Inject
    MemberRepository members;

    @Inject
    Memberships memberships;

    @Inject
    SubscriptionNotices notices;

    @Inject
    ListsSettings settings;

    /** {@code join} or {@code leave}, for the messages. */
    protected abstract String verb();

    /** The list's policy for this kind of request, read when a request is made (never later). */
    protected abstract SubscriptionPolicy policy(MailingList list);

    /** True when the address already is where the request would take it (a member, or not one). */
    protected abstract boolean done(MailingList list, EmailAddress address);

    /** The outcome when there is nothing to do. */
    protected abstract Outcome alreadyDone(MailingList list, EmailAddress address);

    /** Makes the change; the request has passed every step. */
    protected abstract Outcome complete(MailingList list, EmailAddress address, String displayName, String actor,
            RequestData data) throws IOException;

    /**
     * Starts a request, or completes it at once when it needs no step. A request repeated while its
     * confirmation is outstanding re-sends that confirmation (with a new expiry) instead of making another.
     */
    public Outcome start(MailingList list, EmailAddress address, String displayName, Channel channel,
            String requester, boolean forSelf) throws IOException {
        if (done(list, address)) {
            return alreadyDone(list, address);
        }
        List<Step> steps = Step.plan(policy(list), channel, forSelf);
        Instant now = Instant.now();
        Optional<PendingRequest> open = requests.lockOpen(list, kind(), address.toString(), now);
        RequestData data = new RequestData(steps, channel, requester);
        if (steps.isEmpty()) {
            open.ifPresent(requests::remove);
            return complete(list, address, displayName, requester, data);
        }
        if (open.isPresent()) {
            PendingRequest r = open.get();
            if (Step.valueOf(r.step()) == Step.CONFIRM) {
                r.setExpiresAt(now.plus(settings.pendingExpiry()));
                notices.confirmationRequest(r, verb(), RequestData.parse(r.data()));
                return new Outcome(Outcome.Status.CONFIRMATION_RESENT, "The confirmation request was sent to "
                        + address + " again; " + address + " must reply to it.");
            }
            return new Outcome(Outcome.Status.AWAITING_APPROVAL, "The request to " + verb() + " "
                    + list.postingAddress() + " already waits for a moderator's approval.");
        }
        return enter(list, address.toString(), displayName, data, steps.get(0));
    }

    @Override
    public String resume(PendingRequest request, EmailAddress by, byte[] reply) throws IOException {
        if (Step.valueOf(request.step()) == Step.MODERATE) {
            if (by == null || !members.isStaff(request.list(), by)) {
                return "Only an owner or moderator of " + request.list().postingAddress()
                        + " can approve or reject this request; nothing was changed.";
            }
            ModeratorDecision d = reply == null ? new ModeratorDecision(true, null) : ModeratorDecision.of(reply);
            return decide(request, d.approve(), by.toString(), d.reason());
        }
        return advance(request, by == null ? "web" : by.toString()).message();
    }

    /** A moderator's decision on a request waiting at {@link Step#MODERATE}; the caller checked the role. */
    public String decide(PendingRequest request, boolean approve, String moderator, String reason)
            throws IOException {
        if (Step.valueOf(request.step()) != Step.MODERATE) {
            throw new IllegalStateException("request " + request.token() + " waits for confirmation, not approval");
        }
        if (approve) {
            return advance(request, moderator).message();
        }
        requests.remove(request);
        EmailAddress address = EmailAddress.parse(request.address());
        memberships.rejected(request.list(), address, moderator, verb() + (reason == null ? "" : ": " + reason));
        notices.rejected(request.list(), address, verb(), reason);
        return "Rejected: " + address + " will not " + verb() + " " + request.list().postingAddress()
                + " and has been told.";
    }

    private Outcome advance(PendingRequest request, String actor) throws IOException {
        RequestData data = RequestData.parse(request.data());
        Step next = data.after(Step.valueOf(request.step()));
        requests.remove(request);
        MailingList list = request.list();
        EmailAddress address = EmailAddress.parse(request.address());
        if (done(list, address)) {
            return alreadyDone(list, address);
        }
        if (next == null) {
            return complete(list, address, request.displayName(), actor, data);
        }
        return enter(list, request.address(), request.displayName(), data, next);
    }

    /** Puts the request at a step behind a fresh token and sends that step's message. */
    private Outcome enter(MailingList list, String address, String displayName, RequestData data, Step step)
            throws IOException {
        PendingRequest r = new PendingRequest(Token.generate().value(), list, kind(), step.name(), address,
                displayName, data.toJson(), Instant.now().plus(settings.pendingExpiry()));
        requests.add(r);
        if (step == Step.CONFIRM) {
            notices.confirmationRequest(r, verb(), data);
            return new Outcome(Outcome.Status.CONFIRMATION_SENT, "A confirmation request was sent to " + address
                    + "; nothing changes until " + address + " replies to it.");
        }
        List<EmailAddress> staff = members.staff(list);
        if (staff.isEmpty()) {
            LOG.warning(() -> list.postingAddress() + " has no owner or moderator to approve " + address);
        } else {
            notices.approvalRequest(r, verb(), staff);
        }
        return new Outcome(Outcome.Status.AWAITING_APPROVAL, "The request to " + verb() + " "
                + list.postingAddress() + " now waits for a moderator's approval; " + address
                + " will be told the result.");
    }
}
