package dev.quire.lists.bounce;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.BounceEvent;
import dev.quire.db.list.BounceRepository;
import dev.quire.db.list.BounceSettings;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MembershipEvent;

/**
 * The periodic half of bounce processing, for a daily scheduled job to call: scores older than
 * {@code bounce_info_stale_after_days} go back to zero; a member disabled by bounces gets the next warning
 * every {@code bounce_warning_interval_days} until {@code bounce_warnings} were sent, and one interval after
 * the last warning is removed (the owners told). A bounce the outage guard held back is replayed by
 * {@link BounceProcessor} when its member bounces again with no outage; one that nothing followed for
 * {@code bounce_info_stale_after_days} expires here, unscored, with an audit line.
 */
@ApplicationScoped
public class BounceUpkeep {
    private static final Logger LOG = Logger.getLogger(BounceUpkeep.class.getName());

    /** What one run did. */
    public record Counts(int reset, int warned, int removed, int heldExpired) {
        public Counts(int reset, int warned, int removed) {
            this(reset, warned, removed, 0);
        }

        Counts plus(Counts o) {
            return new Counts(reset + o.reset, warned + o.warned, removed + o.removed, heldExpired + o.heldExpired);
        }
    }

    @Inject
    BounceRepository bounces;

    @Inject
    BounceWarnings warnings;

    @Inject
    BounceNotices notices;

    protected BounceUpkeep() {
    }

    public BounceUpkeep(BounceRepository bounces, BounceWarnings warnings, BounceNotices notices) {
        this.bounces = bounces;
        this.warnings = warnings;
        this.notices = notices;
    }

    /** One pass over every list with bounce processing on, as of {@code now}. */
    @Transactional
    public Counts run(Instant now) throws IOException {
        Counts total = new Counts(0, 0, 0);
        for (MailingList list : bounces.processingLists()) {
            total = total.plus(run(list, now));
        }
        Counts done = total;
        LOG.info(() -> "bounce upkeep: " + done);
        return total;
    }

    private Counts run(MailingList list, Instant now) throws IOException {
        BounceSettings s = list.bounces();
        int reset = 0;
        int warned = 0;
        int removed = 0;
        for (Member m : bounces.staleScores(list, now.minus(Duration.ofDays(s.bounceInfoStaleAfterDays())))) {
            bounces.audit(new MembershipEvent(list, m.address().toString(), BounceSteps.RESET, BounceSteps.ACTOR,
                    "score " + m.bounceScore() + " from " + m.lastBounceAt() + " is stale"));
            m.setBounceScore(0, m.lastBounceAt());
            reset++;
        }
        int expired = 0;
        for (BounceEvent held : bounces.heldBefore(list, now.minus(Duration.ofDays(s.bounceInfoStaleAfterDays())))) {
            held.setProcessed(true);
            bounces.audit(new MembershipEvent(list, held.address(), BounceSteps.HELD_EXPIRED, BounceSteps.ACTOR,
                    "the bounce of " + held.receivedAt() + ", held during an outage, expired unscored: no bounce"
                            + " without an outage followed it"));
            expired++;
        }
        Duration interval = Duration.ofDays(s.bounceWarningIntervalDays());
        for (Member m : bounces.disabledByBounces(list)) {
            Instant due = m.lastWarningAt() == null ? now : m.lastWarningAt().plus(interval);
            if (due.isAfter(now)) {
                continue;
            }
            if (m.bounceWarningsSent() < Math.max(1, s.bounceWarnings())) {
                warnings.warn(list, m, now);
                warned++;
            } else {
                bounces.audit(new MembershipEvent(list, m.address().toString(), BounceSteps.REMOVED,
                        BounceSteps.ACTOR, m.bounceWarningsSent() + " warnings unanswered"));
                bounces.remove(m);
                if (s.bounceNotifyOwner()) {
                    notices.removed(list, m.address());
                }
                removed++;
            }
        }
        return new Counts(reset, warned, removed, expired);
    }
}
