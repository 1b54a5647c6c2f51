package dev.quire.lists.bounce;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.BounceRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MembershipEvent;
import dev.quire.db.pending.PendingRequest;
import dev.quire.lists.pending.Token;

/**
 * Sends the next warning to a member whose delivery bounces disabled. Each warning carries a fresh token
 * (a pending request of kind {@link ReenableFlow#KIND}) that turns delivery on again, valid until the member
 * would be removed.
 */
@ApplicationScoped
public class BounceWarnings {
    @Inject
    BounceRepository bounces;

    @Inject
    BounceNotices notices;

    protected BounceWarnings() {
    }

    public BounceWarnings(BounceRepository bounces, BounceNotices notices) {
        this.bounces = bounces;
        this.notices = notices;
    }

    /** Sends warning number {@code sent + 1}, records it on the member and in the audit. */
    public void warn(MailingList list, Member member, Instant now) throws IOException {
        int of = Math.max(1, list.bounces().bounceWarnings());
        int number = member.bounceWarningsSent() + 1;
        int interval = list.bounces().bounceWarningIntervalDays();
        Token token = Token.generate();
        Instant expires = now.plus(Duration.ofDays((long) interval * (of - number + 1) + 1));
        bounces.add(new PendingRequest(token.value(), list, ReenableFlow.KIND, ReenableFlow.STEP,
                member.address().toString(), member.displayName(), null, expires));
        member.setBounceWarnings(number, now);
        bounces.audit(new MembershipEvent(list, member.address().toString(), BounceSteps.WARNED, BounceSteps.ACTOR,
                "warning " + number + " of " + of));
        notices.warning(list, member, token.value(), number, of);
    }
}
