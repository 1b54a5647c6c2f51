package dev.quire.lists.admin;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.OwnerToolsRepository;
import dev.quire.db.pending.PendingRequest;
import dev.quire.lists.pending.Token;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;
import dev.quire.lists.subscription.Step;
import dev.quire.lists.subscription.SubscriptionFlow;
import dev.quire.lists.subscription.SubscriptionService;

/**
 * Subscription and unsubscription requests of a list for its moderators: those waiting for a moderator
 * are approved or rejected here through the list engine's {@link SubscriptionService}; those waiting for
 * the address's own confirmation are shown only.
 */
@ApplicationScoped
public class PendingAdministration {
    @Inject
    ListRights rights;

    @Inject
    OwnerToolsRepository tools;

    @Inject
    SubscriptionService subscriptions;

    /** One open request as the moderators' page shows it. */
    public record PendingView(long id, String kind, String address, String displayName, boolean awaitsModerator,
            java.time.Instant createdAt, java.time.Instant expiresAt) {
        static PendingView of(PendingRequest r) {
            return new PendingView(r.id(), r.kind().equals(SubscriptionFlow.KIND) ? "subscribe" : "unsubscribe",
                    r.address(), r.displayName(), r.step().equals(Step.MODERATE.name()), r.createdAt(), r.expiresAt());
        }
    }

    @Transactional
    public List<PendingView> open(Account caller, String list) {
        MailingList l = rights.require(caller, list, ListRole.MODERATOR).list();
        return subscriptions.pending(l).stream().map(PendingView::of).toList();
    }

    /** Approves or rejects one request waiting for a moderator; returns what happened. */
    @Transactional(rollbackOn = IOException.class)
    public String decide(Account caller, String list, long id, boolean approve, String reason) throws IOException {
        MailingList l = rights.require(caller, list, ListRole.MODERATOR).list();
        PendingRequest r = tools.pending(l, id)
                .filter(p -> p.kind().equals(SubscriptionFlow.KIND)
                        || p.kind().equals(dev.quire.lists.subscription.UnsubscriptionFlow.KIND))
                .orElseThrow(() -> Refused.notFound("There is no request #" + id + " on " + list + "."));
        if (!r.step().equals(Step.MODERATE.name())) {
            throw Refused.invalid("id", "Request #" + id + " waits for " + r.address()
                    + " to confirm, not for a moderator.");
        }
        Token token = Token.parse(r.token()).orElseThrow();
        String why = reason == null || reason.isBlank() ? null : reason.replaceAll("\\p{Cntrl}", " ").strip();
        Optional<String> outcome = approve
                ? subscriptions.approve(token, caller.username())
                : subscriptions.reject(token, caller.username(), why);
        return outcome.orElseThrow(() -> Refused.notFound("Request #" + id + " is no longer open."));
    }
}
