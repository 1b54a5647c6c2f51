package dev.quire.mta.queue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.delivery.DeliveryAgent;
import dev.quire.mta.delivery.FileAgent;
import dev.quire.mta.delivery.NextHop;
import dev.quire.mta.delivery.Outcome;
import dev.quire.mta.delivery.PipeAgent;
import dev.quire.mta.delivery.Transports;
import dev.quire.mta.routing.AddressClass;
import dev.quire.mta.routing.Route;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.MessageBody;

/**
 * One delivery attempt for a queued message: each pending address is classified by the router (local
 * mailbox, list, remote), grouped by next hop, and handed to that hop's agent in one go (one LMTP or SMTP
 * transaction with many recipients); commands and files go to their agents. Each delivery first takes a slot of
 * its destination ({@link DestinationLimits}).
 */
@ApplicationScoped
public class Dispatcher {
    @Inject
    Router router;

    @Inject
    Transports transports;

    @Inject
    DestinationLimits limits;

    /** The next hops found unreachable are tried again at the next delivery (flush, requeue). */
    public void forgetUnreachable() {
        transports.forgetUnreachable();
    }

    /** Delivers what is pending and returns an outcome for every pending recipient. */
    public Map<Recipient, Outcome> attempt(Envelope envelope, MessageBody message, String heloName) {
        Map<Recipient, Outcome> outcomes = new LinkedHashMap<>();
        Map<Group, Map<EmailAddress, List<Recipient>>> byHop = new LinkedHashMap<>();
        for (Recipient r : envelope.pending()) {
            if (r.destination() instanceof Recipient.Mailbox m) {
                classify(r, m.address(), envelope.senderFor(r), byHop, outcomes);
            } else if (r.destination() instanceof Recipient.Pipe p) {
                outcomes.put(r, orRetry(limited(NextHop.LOCAL, () -> transports.pipe().deliver(p.command(), message,
                        PipeAgent.environment(envelope.senderFor(r), r.original(), r.original(),
                                envelope.id().value())))));
            } else {
                outcomes.put(r, orRetry(limited(NextHop.LOCAL, () -> new FileAgent().deliver(
                        Path.of(((Recipient.FileAppend) r.destination()).path()), message, envelope.senderFor(r)))));
            }
        }
        byHop.forEach((group, addresses) -> {
            DeliveryAgent agent = transports.agent(group.hop(), heloName);
            Envelope sentAs = envelope.sentAs(group.sender());
            Map<EmailAddress, Outcome> results = limited(group.hop(),
                    () -> agent.deliver(sentAs, message, new ArrayList<>(addresses.keySet())));
            addresses.forEach((address, recipients) -> recipients.forEach(r -> outcomes.put(r,
                    results == null
                            ? orRetry(null)
                            : results.getOrDefault(address,
                                    Outcome.retry("no outcome reported for <" + address + ">")))));
        });
        return outcomes;
    }

    private static Outcome orRetry(Outcome o) {
        return o != null ? o : Outcome.retry("451 4.3.2 interrupted while waiting for a delivery slot");
    }

    /** Runs a delivery in a slot of its destination; null when interrupted while waiting for one. */
    private <T> T limited(NextHop hop, java.util.function.Supplier<T> delivery) {
        try {
            limits.acquire(hop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return delivery.get();
        } finally {
            limits.release(hop);
        }
    }

    /**
     * Recipients delivered together: same next hop and same envelope sender. With VERP every recipient has a
     * sender of its own, so each gets a transaction of its own, as with Postfix.
     */
    private record Group(NextHop hop, EmailAddress sender) {
    }

    private void classify(Recipient r, EmailAddress address, EmailAddress sender,
            Map<Group, Map<EmailAddress, List<Recipient>>> byHop, Map<Recipient, Outcome> outcomes) {
        try {
            AddressClass cls = router.classify(address);
            if (cls == null) {
                outcomes.put(r, Outcome.of(Route.Refuse.unknownUser(address).reply()));
            } else {
                byHop.computeIfAbsent(new Group(transports.nextHop(cls, address), sender), k -> new LinkedHashMap<>())
                        .computeIfAbsent(address, k -> new ArrayList<>())
                        .add(r);
            }
        } catch (RoutingUnavailableException e) {
            outcomes.put(r, Outcome.retry("451 4.3.0 " + e.getMessage()));
        }
    }
}
