package dev.quire.lists.subscription;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.MailingList;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.lists.pending.Token;
import dev.quire.mail.EmailAddress;

/**
 * Joining and leaving lists, for every channel: email commands, the web form, administrators. Who asked and
 * how decides the steps: an administrator's change is immediate; a request by email for the sender's own
 * address follows the list's policy; one for another address, or from the web, always needs that address's
 * confirmation first. Confirmations by token go through {@link dev.quire.lists.pending.Confirmations}.
 */
@ApplicationScoped
public class SubscriptionService {
    @Inject
    SubscriptionFlow joining;

    @Inject
    UnsubscriptionFlow leaving;

    @Inject
    PendingRequestRepository requests;

    /**
     * Asks for an address to join a list.
     *
     * @param requester the address (email), user name (web, admin) of who asked; null for an anonymous web
     *        visitor
     */
    @Transactional(rollbackOn = IOException.class)
    public Outcome subscribe(MailingList list, EmailAddress address, String displayName, Channel channel,
            String requester) throws IOException {
        return joining.start(list, address, displayName, channel, requester, forSelf(address, channel, requester));
    }

    /** Asks for an address to leave a list; as {@link #subscribe}. */
    @Transactional(rollbackOn = IOException.class)
    public Outcome unsubscribe(MailingList list, EmailAddress address, Channel channel, String requester)
            throws IOException {
        return leaving.start(list, address, null, channel, requester, forSelf(address, channel, requester));
    }

    /** Approves a request waiting for a moderator (the web admin; the caller checked the user's role). */
    @Transactional(rollbackOn = IOException.class)
    public Optional<String> approve(Token token, String moderator) throws IOException {
        Optional<PendingRequest> r = awaitingApproval(token);
        return r.isEmpty() ? Optional.empty() : Optional.of(flow(r.get()).decide(r.get(), true, moderator, null));
    }

    /** Rejects a request waiting for a moderator, telling the address why. */
    @Transactional(rollbackOn = IOException.class)
    public Optional<String> reject(Token token, String moderator, String reason) throws IOException {
        Optional<PendingRequest> r = awaitingApproval(token);
        return r.isEmpty() ? Optional.empty() : Optional.of(flow(r.get()).decide(r.get(), false, moderator, reason));
    }

    /** The list's open subscription and unsubscription requests, oldest first, for the moderators' page. */
    @Transactional
    public List<PendingRequest> pending(MailingList list) {
        Instant now = Instant.now();
        List<PendingRequest> all = new java.util.ArrayList<>(requests.open(list, SubscriptionFlow.KIND, now));
        all.addAll(requests.open(list, UnsubscriptionFlow.KIND, now));
        return all;
    }

    private Optional<PendingRequest> awaitingApproval(Token token) {
        return requests.lockByToken(token.value(), Instant.now())
                .filter(r -> r.kind().equals(SubscriptionFlow.KIND) || r.kind().equals(UnsubscriptionFlow.KIND))
                .filter(r -> r.step().equals(Step.MODERATE.name()));
    }

    private MembershipFlow flow(PendingRequest r) {
        return r.kind().equals(SubscriptionFlow.KIND) ? joining : leaving;
    }

    private static boolean forSelf(EmailAddress address, Channel channel, String requester) {
        return channel == Channel.EMAIL && requester != null && requester.equalsIgnoreCase(address.toString());
    }
}
