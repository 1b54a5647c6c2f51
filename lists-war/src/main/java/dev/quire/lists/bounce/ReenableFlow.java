package dev.quire.lists.bounce;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.BounceRepository;
import dev.quire.db.list.DisabledReason;
import dev.quire.db.list.Member;
import dev.quire.db.list.MembershipEvent;
import dev.quire.db.pending.PendingRequest;
import dev.quire.lists.pending.PendingFlow;
import dev.quire.mail.EmailAddress;

/**
 * The token in a bounce warning: confirming it (the {@code -confirm+TOKEN} address, a {@code confirm}
 * command, a web link) turns the member's delivery on again and clears the bounce score and warnings.
 */
@ApplicationScoped
public class ReenableFlow implements PendingFlow {
    public static final String KIND = "BOUNCE_REENABLE";
    static final String STEP = "WARNED";

    @Inject
    BounceRepository bounces;

    protected ReenableFlow() {
    }

    public ReenableFlow(BounceRepository bounces) {
        this.bounces = bounces;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String resume(PendingRequest request, EmailAddress by, byte[] reply) {
        Optional<Member> found = bounces.member(request.list(), request.address());
        String list = request.list().postingAddress().toString();
        if (found.isEmpty()) {
            return request.address() + " is no longer a member of " + list + ".";
        }
        Member m = found.get();
        if (m.disabledReason() != DisabledReason.BY_BOUNCES) {
            return "Delivery of " + list + " to " + m.address() + " was not disabled by bounces; nothing changed.";
        }
        m.disable(null, Instant.now());
        m.setBounceScore(0, m.lastBounceAt());
        m.setBounceWarnings(0, null);
        bounces.audit(new MembershipEvent(request.list(), m.address().toString(), BounceSteps.REENABLED,
                by == null ? null : by.toString(), "token of a bounce warning confirmed"));
        return "Delivery of " + list + " to " + m.address() + " is on again.";
    }
}
