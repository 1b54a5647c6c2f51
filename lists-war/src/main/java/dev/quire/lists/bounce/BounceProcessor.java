package dev.quire.lists.bounce;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.BounceEvent;
import dev.quire.db.list.BounceRepository;
import dev.quire.db.list.BounceSettings;
import dev.quire.db.list.DisabledReason;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MembershipEvent;

/**
 * Scores recognized bounces Mailman's way: a permanent failure adds 1.0, a transient one 0.5, at most one
 * bounce counts per member per (UTC) day, and a score older than {@code bounce_info_stale_after_days} starts
 * again from zero. At the threshold, delivery is disabled, the first warning goes out and the owners are told.
 * Every bounce is recorded as a {@code bounce_event}; every step is audited.
 */
@ApplicationScoped
public class BounceProcessor {
    private static final Logger LOG = Logger.getLogger(BounceProcessor.class.getName());

    /** What became of one report. */
    public enum Outcome {
        SCORED, COUNTED_TODAY, DISABLED, HELD, NOT_A_MEMBER, PROCESSING_OFF
    }

    @Inject
    BounceRepository bounces;

    @Inject
    OutageGuard guard;

    @Inject
    BounceWarnings warnings;

    @Inject
    BounceNotices notices;

    protected BounceProcessor() {
    }

    public BounceProcessor(BounceRepository bounces, OutageGuard guard, BounceWarnings warnings,
            BounceNotices notices) {
        this.bounces = bounces;
        this.guard = guard;
        this.warnings = warnings;
        this.notices = notices;
    }

    /**
     * Records and scores the reports of one bounce message. When none of them names a member, the owners get
     * the bounce as unrecognized (or, without owners, it is logged).
     */
    @Transactional
    public List<Outcome> process(MailingList list, List<BounceReport> reports, String messageId, byte[] raw,
            Instant now) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (BounceReport r : reports) {
            outcomes.add(one(list, r, messageId, now));
        }
        if (outcomes.stream().allMatch(o -> o == Outcome.NOT_A_MEMBER)) {
            LOG.info(() -> "unrecognized bounce for " + list.postingAddress() + " " + messageId + ": " + reports);
            if (list.bounces().bounceNotifyOwner()) {
                notices.unrecognized(list, raw);
            }
        }
        return outcomes;
    }

    private Outcome one(MailingList list, BounceReport r, String messageId, Instant now) throws IOException {
        Optional<Member> found = bounces.member(list, r.address().mailbox());
        if (found.isEmpty()) {
            return Outcome.NOT_A_MEMBER;
        }
        Member member = found.get();
        String address = member.address().toString();
        BounceEvent event = new BounceEvent(list, address, r.method(), r.permanent(), cut(r.status(), 16),
                cut(r.diagnostic(), 1000), cut(messageId, 998), now);
        bounces.add(event);
        if (!list.bounces().bounceProcessing()) {
            event.setProcessed(true); // recorded, deliberately not scored
            return Outcome.PROCESSING_OFF;
        }
        Optional<String> outage = guard.outage(list, r.address().domain().toLowerCase(Locale.ROOT), now);
        if (outage.isPresent()) {
            bounces.audit(new MembershipEvent(list, address, BounceSteps.HELD, BounceSteps.ACTOR, outage.get()));
            if (!bounces.audited(list, BounceSteps.GUARD_NOTICE, now.minus(OutageGuard.WINDOW))) {
                bounces.audit(new MembershipEvent(list, list.postingAddress().toString(), BounceSteps.GUARD_NOTICE,
                        BounceSteps.ACTOR, outage.get()));
                if (list.bounces().bounceNotifyOwner()) {
                    notices.outage(list, outage.get());
                }
            }
            LOG.warning(() -> "bounce for " + address + " on " + list.postingAddress() + " held: " + outage.get());
            return Outcome.HELD;
        }
        event.setProcessed(true);
        replayHeld(list, member);
        return score(list, member, r, now);
    }

    /**
     * The member bounces again with no outage: the bounces the guard held back for them were real after all,
     * so each is scored now, at the day it arrived, before the new one. (Held bounces that nothing follows
     * expire in {@link BounceUpkeep}.)
     */
    private void replayHeld(MailingList list, Member member) throws IOException {
        String address = member.address().toString();
        for (BounceEvent held : bounces.held(list, address)) {
            held.setProcessed(true);
            bounces.audit(new MembershipEvent(list, address, BounceSteps.HELD_REPLAYED, BounceSteps.ACTOR,
                    "held at " + held.receivedAt() + "; scored now that a bounce came with no outage"));
            score(list, member, new BounceReport(member.address(), held.permanent(), held.status(), held.diagnostic(),
                    held.method()), held.receivedAt());
        }
    }

    private Outcome score(MailingList list, Member member, BounceReport r, Instant now) throws IOException {
        BounceSettings settings = list.bounces();
        String address = member.address().toString();
        Instant last = member.lastBounceAt();
        if (last != null && (sameDay(last, now) || now.isBefore(last))) {
            return Outcome.COUNTED_TODAY;
        }
        double score = member.bounceScore();
        if (last != null && last.plus(Duration.ofDays(settings.bounceInfoStaleAfterDays())).isBefore(now)) {
            score = 0;
        }
        double weight = r.permanent() ? 1.0 : 0.5;
        score += weight;
        member.setBounceScore(score, now);
        double total = score;
        bounces.audit(new MembershipEvent(list, address, BounceSteps.SCORED, BounceSteps.ACTOR,
                cut(String.format(Locale.ROOT, "+%.1f = %.1f: %s", weight, total, BounceNotices.describe(r)), 1000)));
        LOG.info(() -> "bounce score of " + address + " on " + list.postingAddress() + " is now " + total);
        if (score < settings.bounceScoreThreshold() || !member.deliveryEnabled()) {
            return Outcome.SCORED;
        }
        member.disable(DisabledReason.BY_BOUNCES, now);
        member.setBounceWarnings(0, null);
        bounces.audit(new MembershipEvent(list, address, BounceSteps.DISABLED, BounceSteps.ACTOR,
                String.format(Locale.ROOT, "score %.1f reached the threshold %.1f", total,
                        settings.bounceScoreThreshold())));
        warnings.warn(list, member, now);
        if (settings.bounceNotifyOwner()) {
            notices.disabled(list, member, r);
        }
        return Outcome.DISABLED;
    }

    static boolean sameDay(Instant a, Instant b) {
        return a.atZone(ZoneOffset.UTC).toLocalDate().equals(b.atZone(ZoneOffset.UTC).toLocalDate());
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
