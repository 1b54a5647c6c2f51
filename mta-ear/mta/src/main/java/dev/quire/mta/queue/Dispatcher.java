package dev.quire.mta.queue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mail.EmailAddress;
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
 * its destination ({@link DestinationLimits}); the recipients of a destination that is full are not delivered in
 * this attempt but named as waiting for it.
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

    /**
     * What one attempt came to.
     *
     * @param outcomes an outcome for every pending recipient that was tried
     * @param waiting the pending recipients that were not tried because their destination had no free slot, with
     *        that destination
     */
    public record Attempt(Map<Recipient, Outcome> outcomes, Map<Recipient, NextHop> waiting) {
        /** An attempt with nothing to do. */
        public static final Attempt NOTHING = new Attempt(Map.of(), Map.of());
    }

    /** Delivers what is pending where there is room, and says what happened to each pending recipient. */
    public Attempt attempt(Envelope envelope, MessageBody message, String heloName) {
        Map<Recipient, Outcome> outcomes = new LinkedHashMap<>();
        Map<Recipient, NextHop> waiting = new LinkedHashMap<>();
        Map<Group, Map<EmailAddress, List<Recipient>>> byHop = new LinkedHashMap<>();
        for (Recipient r : envelope.pending()) {
            if (r.destination() instanceof Recipient.Mailbox m) {
                classify(r, m.address(), envelope.senderFor(r), byHop, outcomes);
            } else if (!limits.tryAcquire(NextHop.LOCAL)) {
                waiting.put(r, NextHop.LOCAL);
            } else {
                try {
                    outcomes.put(r, r.destination() instanceof Recipient.Pipe p
                            ? transports.pipe().deliver(p.command(), message, PipeAgent.environment(
                                    envelope.senderFor(r), r.original(), r.original(), envelope.id().value()))
                            : new FileAgent().deliver(Path.of(((Recipient.FileAppend) r.destination()).path()),
                                    message, envelope.senderFor(r)));
                } finally {
                    limits.release(NextHop.LOCAL);
                }
            }
        }
        byHop.forEach((group, addresses) -> {
            if (!limits.tryAcquire(group.hop())) {
                addresses.values().forEach(rs -> rs.forEach(r -> waiting.put(r, group.hop())));
                return;
            }
            Map<EmailAddress, Outcome> results;
            try {
                results = transports.agent(group.hop(), heloName).deliver(envelope.sentAs(group.sender()), message,
                        new ArrayList<>(addresses.keySet()));
            } finally {
                limits.release(group.hop());
            }
            addresses.forEach((address, recipients) -> recipients.forEach(r -> outcomes.put(r,
                    results.getOrDefault(address, Outcome.retry("no outcome reported for <" + address + ">")))));
        });
        return new Attempt(outcomes, waiting);
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
