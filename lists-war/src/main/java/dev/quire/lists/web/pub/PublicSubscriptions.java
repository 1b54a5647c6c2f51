package dev.quire.lists.web.pub;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.PublicListRepository;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.lists.deliverability.unsubscribe.OneClickUnsubscribe;
import dev.quire.lists.deliverability.unsubscribe.Unsubscription;
import dev.quire.lists.pending.Confirmations;
import dev.quire.lists.pending.Token;
import dev.quire.lists.subscription.Channel;
import dev.quire.lists.subscription.SubscriptionFlow;
import dev.quire.lists.subscription.SubscriptionService;
import dev.quire.mail.EmailAddress;

/**
 * What the public pages do with lists and memberships: find advertised lists, start a subscription or
 * unsubscription from the web form (always confirmed by the address, through {@link SubscriptionService}),
 * show and resume a pending request from its emailed link, and take an address off a list for a valid
 * one-click token.
 */
@ApplicationScoped
public class PublicSubscriptions {
    private static final Logger LOG = Logger.getLogger(PublicSubscriptions.class.getName());

    @Inject
    PublicListRepository lists;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    PendingRequestRepository pending;

    @Inject
    Confirmations confirmations;

    @Inject
    OneClickUnsubscribe oneClick;

    /** A pending request as its confirmation page shows it. */
    public record PendingView(String listName, String listAddress, String address, boolean join,
            boolean awaitsModerator) {
    }

    /** What a valid one-click token names. */
    public record OneClickView(String listName, String listAddress, String address) {
    }

    @Transactional
    public List<MailingList> advertised() {
        return lists.advertised();
    }

    /** An advertised list by its List-Id, or a 404. */
    @Transactional
    public MailingList advertised(String listId) {
        return lists.byListId(listId).filter(MailingList::advertised)
                .orElseThrow(() -> PublicProblem.noSuchList(listId));
    }

    /** Asks for the address to join; the address confirms by mail. What happened is never shown to the visitor. */
    @Transactional(rollbackOn = IOException.class)
    public void subscribe(String listId, EmailAddress address, String displayName) throws IOException {
        MailingList list = advertised(listId);
        var outcome = subscriptions.subscribe(list, address, displayName, Channel.WEB, null);
        LOG.info(() -> "web subscribe request for " + address + " on " + list.postingAddress() + ": "
                + outcome.status());
    }

    /** Asks for the address to leave; as {@link #subscribe}. */
    @Transactional(rollbackOn = IOException.class)
    public void unsubscribe(String listId, EmailAddress address) throws IOException {
        MailingList list = advertised(listId);
        var outcome = subscriptions.unsubscribe(list, address, Channel.WEB, null);
        LOG.info(() -> "web unsubscribe request for " + address + " on " + list.postingAddress() + ": "
                + outcome.status());
    }

    /** The unexpired pending request with this token, for its confirmation page. */
    @Transactional
    public Optional<PendingView> pending(Token token) {
        return this.pending.lockByToken(token.value(), Instant.now()).map(r -> view(r));
    }

    /** Resumes the request with this token, as its emailed link's button asks; the sentence to show, if any. */
    public Optional<String> confirm(Token token) throws IOException {
        return confirmations.confirm(null, token, null, null);
    }

    /** The list and member a one-click token names, if the token is genuine and current. */
    @Transactional
    public Optional<OneClickView> oneClick(String token) {
        Optional<Unsubscription> u = oneClick.verify(token);
        if (u.isEmpty()) {
            return Optional.empty();
        }
        return lists.byListId(u.get().listId())
                .map(l -> new OneClickView(l.displayName(), l.postingAddress().toString(),
                        u.get().address().toString()));
    }

    /**
     * Takes the token's address off its list at once (RFC 8058: the token proves the member asked); doing it
     * again changes nothing. False when the token is not genuine or current, or its list is gone.
     */
    @Transactional(rollbackOn = IOException.class)
    public boolean unsubscribeNow(String token) throws IOException {
        Optional<Unsubscription> u = oneClick.verify(token);
        if (u.isEmpty()) {
            return false;
        }
        Optional<MailingList> list = lists.byListId(u.get().listId());
        if (list.isEmpty()) {
            return false;
        }
        var outcome = subscriptions.unsubscribe(list.get(), u.get().address(), Channel.ADMIN, "one-click");
        LOG.info(() -> "one-click unsubscribe of " + u.get().address() + " from " + list.get().postingAddress()
                + ": " + outcome.status());
        return true;
    }

    private static PendingView view(PendingRequest r) {
        return new PendingView(r.list().displayName(), r.list().postingAddress().toString(), r.address(),
                r.kind().equals(SubscriptionFlow.KIND), "MODERATE".equals(r.step()));
    }
}
