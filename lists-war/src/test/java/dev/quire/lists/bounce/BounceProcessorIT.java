package dev.quire.lists.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quire.db.domain.Domain;
import dev.quire.db.list.BounceMethod;
import dev.quire.db.list.BounceRepository;
import dev.quire.db.list.DisabledReason;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.MembershipEvent;
import dev.quire.db.pending.PendingRequest;
import dev.quire.lists.DemoDatabaseSetup;
import dev.quire.lists.Jpa;
import dev.quire.lists.RecordingNotifier;
import dev.quire.mail.Notice;
import dev.quire.mail.EmailAddress;

/** Scoring, disabling, warning, removal and the outage guard on a real MariaDB database. */
class BounceProcessorIT extends DemoDatabaseSetup {
    private static final Instant DAY1 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String OWNER = "owner@example.test";

    private static int lists;

    private BounceRepository repo;
    private RecordingNotifier notifier;
    private BounceProcessor processor;
    private BounceUpkeep upkeep;

    @BeforeEach
    void wire() {
        repo = new BounceRepository(em);
        notifier = new RecordingNotifier();
        BounceNotices notices = new BounceNotices(notifier, repo);
        BounceWarnings warnings = new BounceWarnings(repo, notices);
        processor = new BounceProcessor(repo, new OutageGuard(repo, 5, 0.10, 0.5), warnings, notices);
        upkeep = new BounceUpkeep(repo, warnings, notices);
    }

    /** Each test's list leaves upkeep runs of later tests alone. */
    @AfterEach
    void quiet() throws Exception {
        Jpa.inTransaction(em, () -> em.createQuery("update MailingList l set l.bounces.bounceProcessing = false")
                .executeUpdate());
    }

    private MailingList list(String... members) throws Exception {
        return Jpa.inTransaction(em, () -> {
            Domain d = em.createQuery("select d from Domain d where d.name = 'lists.example.test'", Domain.class)
                    .getSingleResult();
            MailingList l = new MailingList(d, "bounce" + (++lists), "Bounce test " + lists, "[b] ");
            em.persist(l);
            for (String m : members) {
                em.persist(new Member(l, EmailAddress.parse(m), MemberRole.MEMBER));
            }
            em.persist(new Member(l, EmailAddress.parse(OWNER), MemberRole.OWNER));
            return l;
        });
    }

    private List<BounceProcessor.Outcome> bounce(MailingList list, String address, boolean permanent, Instant at)
            throws Exception {
        BounceReport r = new BounceReport(EmailAddress.parse(address), permanent, permanent ? "5.1.1" : "4.2.2",
                "remote said no", BounceMethod.DSN);
        return Jpa.inTransaction(em, () -> processor.process(list, List.of(r), "<b-" + at + "@x>", new byte[0], at));
    }

    private Member member(MailingList list, String address) {
        em.clear();
        return repo.member(list, address).orElse(null);
    }

    private List<String> audit(MailingList list, String address) {
        return repo.history(list, address).stream().map(MembershipEvent::event).toList();
    }

    @Test
    void permanentCountsOneTransientHalfOncePerDayAndStaleScoresStartAgain() throws Exception {
        MailingList list = list("carol@remote.test");
        assertEquals(List.of(BounceProcessor.Outcome.SCORED), bounce(list, "carol@remote.test", true, DAY1));
        assertEquals(1.0, member(list, "carol@remote.test").bounceScore());

        assertEquals(List.of(BounceProcessor.Outcome.COUNTED_TODAY),
                bounce(list, "carol@remote.test", true, DAY1.plus(Duration.ofHours(3))));
        assertEquals(1.0, member(list, "carol@remote.test").bounceScore(), "one score per member per day");

        bounce(list, "carol@remote.test", false, DAY1.plus(Duration.ofDays(1)));
        assertEquals(1.5, member(list, "carol@remote.test").bounceScore(), "a transient failure adds 0.5");

        bounce(list, "carol@remote.test", true, DAY1.plus(Duration.ofDays(10)));
        assertEquals(1.0, member(list, "carol@remote.test").bounceScore(), "after 7 quiet days the score restarts");
        assertTrue(member(list, "carol@remote.test").deliveryEnabled());
        assertEquals(List.of("BOUNCE_SCORED", "BOUNCE_SCORED", "BOUNCE_SCORED"), audit(list, "carol@remote.test"));
        assertEquals(4, repo.events(list, 10).size(), "every bounce is recorded, counted or not");
    }

    @Test
    void theThresholdDisablesDeliveryWarnsThreeTimesWeeklyThenRemovesAndTellsTheOwners() throws Exception {
        MailingList list = list("carol@remote.test", "alice@example.test");
        for (int day = 0; day < 4; day++) {
            assertEquals(List.of(BounceProcessor.Outcome.SCORED),
                    bounce(list, "carol@remote.test", true, DAY1.plus(Duration.ofDays(day))));
        }
        Instant disabledAt = DAY1.plus(Duration.ofDays(4));
        assertEquals(List.of(BounceProcessor.Outcome.DISABLED), bounce(list, "carol@remote.test", true, disabledAt));

        Member carol = member(list, "carol@remote.test");
        assertFalse(carol.deliveryEnabled());
        assertEquals(DisabledReason.BY_BOUNCES, carol.disabledReason());
        assertEquals(1, carol.bounceWarningsSent());
        List<Notice> toCarol = notifier.to("carol@remote.test");
        assertEquals(1, toCarol.size());
        assertTrue(toCarol.get(0).subject().contains("warning 1 of 3"), toCarol.get(0).subject());
        String token = token(toCarol.get(0));
        PendingRequest pending = em
                .createQuery("select p from PendingRequest p where p.token = :t", PendingRequest.class)
                .setParameter("t", token).getSingleResult();
        assertEquals(ReenableFlow.KIND, pending.kind());
        assertEquals(1, notifier.to(OWNER).size(), "the owner hears of the disable");
        assertTrue(notifier.to(OWNER).get(0).subject().contains("carol@remote.test disabled"));

        assertEquals(new BounceUpkeep.Counts(0, 0, 0), upkeepAt(disabledAt.plus(Duration.ofDays(6))));
        assertEquals(new BounceUpkeep.Counts(0, 1, 0), upkeepAt(disabledAt.plus(Duration.ofDays(7))));
        assertEquals(new BounceUpkeep.Counts(0, 1, 0), upkeepAt(disabledAt.plus(Duration.ofDays(14))));
        assertEquals(3, notifier.to("carol@remote.test").size());
        assertTrue(notifier.to("carol@remote.test").get(2).subject().contains("warning 3 of 3"));
        assertEquals(new BounceUpkeep.Counts(0, 0, 0), upkeepAt(disabledAt.plus(Duration.ofDays(20))));
        assertEquals(new BounceUpkeep.Counts(0, 0, 1), upkeepAt(disabledAt.plus(Duration.ofDays(21))));

        assertNull(member(list, "carol@remote.test"), "removed after the last warning's interval");
        assertTrue(member(list, "alice@example.test").deliveryEnabled());
        assertEquals(List.of("BOUNCE_SCORED", "BOUNCE_SCORED", "BOUNCE_SCORED", "BOUNCE_SCORED", "BOUNCE_SCORED",
                "BOUNCE_DISABLED", "BOUNCE_WARNED", "BOUNCE_WARNED", "BOUNCE_WARNED", "BOUNCE_REMOVED"),
                audit(list, "carol@remote.test"));
        assertEquals(2, notifier.to(OWNER).size());
        assertTrue(notifier.to(OWNER).get(1).subject().contains("carol@remote.test removed"));
        assertTrue(notifier.sent.stream().filter(s -> s.notice().to().contains(EmailAddress.parse(OWNER)))
                .allMatch(s -> s.envelopeSender() == null), "owner notices about bounces use the null sender");
    }

    @Test
    void theWarningsTokenTurnsDeliveryBackOn() throws Exception {
        MailingList list = list("dave@remote.test");
        Jpa.inTransaction(em, () -> {
            em.find(MailingList.class, list.id()).bounces().setBounceScoreThreshold(1.0);
            return null;
        });
        assertEquals(List.of(BounceProcessor.Outcome.DISABLED), bounce(list, "dave@remote.test", true, DAY1));
        String token = token(notifier.to("dave@remote.test").get(0));
        String outcome = Jpa.inTransaction(em, () -> {
            PendingRequest p = em.createQuery("select p from PendingRequest p where p.token = :t", PendingRequest.class)
                    .setParameter("t", token).getSingleResult();
            return new ReenableFlow(repo).resume(p, EmailAddress.parse("dave@remote.test"), null);
        });
        assertEquals("Delivery of " + list.postingAddress() + " to dave@remote.test is on again.", outcome);
        Member dave = member(list, "dave@remote.test");
        assertTrue(dave.deliveryEnabled());
        assertEquals(0.0, dave.bounceScore());
        assertEquals(0, dave.bounceWarningsSent());
        assertEquals("BOUNCE_REENABLED", audit(list, "dave@remote.test").get(3));
        assertEquals(new BounceUpkeep.Counts(0, 0, 0), upkeepAt(DAY1.plus(Duration.ofDays(7))),
                "no more warnings once re-enabled");
    }

    @Test
    void manyMembersOfOneDomainOrOfTheListBouncingInADayAreHeldBackAndTheOwnersToldOnce() throws Exception {
        processor.guard = new OutageGuard(repo, 5, 0.5, 0.5);
        String[] members = new String[14];
        for (int i = 0; i < 10; i++) {
            members[i] = "user" + i + "@down.test";
        }
        for (int i = 10; i < 14; i++) {
            members[i] = "user" + i + "@up.test";
        }
        MailingList list = list(members);
        Instant now = Instant.now();
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(BounceProcessor.Outcome.SCORED), bounce(list, members[i], true, now));
        }
        assertEquals(List.of(BounceProcessor.Outcome.HELD), bounce(list, members[4], true, now),
                "the fifth of ten members at down.test bouncing within a day looks like an outage");
        assertEquals(0.0, member(list, members[4]).bounceScore());
        assertEquals(List.of("BOUNCE_HELD"), audit(list, members[4]));
        assertEquals(1, notifier.to(OWNER).size());
        assertTrue(notifier.to(OWNER).get(0).body().contains("5 of the 10 members at down.test bounced within a day"),
                notifier.to(OWNER).get(0).body());

        assertEquals(List.of(BounceProcessor.Outcome.SCORED), bounce(list, members[10], true, now),
                "another domain's member still counts while the list as a whole is below the share");
        assertEquals(List.of(BounceProcessor.Outcome.HELD), bounce(list, members[11], true, now),
                "7 of 14 members bouncing within a day is half the list");
        assertEquals(List.of("BOUNCE_HELD"), audit(list, members[11]));
        assertEquals(1, notifier.to(OWNER).size(), "owners are told at most once a day");
        assertEquals(2, repo.events(list, 20).stream().filter(e -> !e.processed()).count(),
                "held bounces stay recorded, unprocessed");
    }

    @Test
    void heldBouncesAreScoredWhenTheMemberBouncesAgainWithoutAnOutageAndOtherwiseExpireWithAnAuditLine()
            throws Exception {
        processor.guard = new OutageGuard(repo, 5, 0.5, 0.5);
        String[] members = new String[10];
        for (int i = 0; i < 10; i++) {
            members[i] = "held" + i + "@down.test";
        }
        MailingList list = list(members);
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(BounceProcessor.Outcome.SCORED), bounce(list, members[i], true, DAY1));
        }
        for (int i = 4; i < 7; i++) {
            assertEquals(List.of(BounceProcessor.Outcome.HELD), bounce(list, members[i], true, DAY1));
        }
        assertEquals(List.of(BounceProcessor.Outcome.HELD), bounce(list, members[4], false, DAY1.plusSeconds(3600)));

        Instant later = DAY1.plus(Duration.ofDays(2));
        assertEquals(List.of(BounceProcessor.Outcome.SCORED), bounce(list, members[4], true, later),
                "two days on, one bounce is no outage");
        assertEquals(List.of("BOUNCE_HELD", "BOUNCE_HELD", "BOUNCE_HELD_REPLAYED", "BOUNCE_SCORED",
                "BOUNCE_HELD_REPLAYED", "BOUNCE_SCORED"), audit(list, members[4]));
        assertEquals(2.0, member(list, members[4]).bounceScore(),
                "the held bounce of day 1 counts once (the second was the same day), and today's once");
        assertEquals(later, member(list, members[4]).lastBounceAt());

        BounceUpkeep.Counts c = upkeepAt(DAY1.plus(Duration.ofDays(7)).plusSeconds(1));
        assertEquals(2, c.heldExpired(), c.toString());
        for (int i = 5; i < 7; i++) {
            assertEquals(List.of("BOUNCE_HELD", "BOUNCE_HELD_EXPIRED"), audit(list, members[i]));
            assertEquals(0.0, member(list, members[i]).bounceScore(), "expired unscored");
        }
        assertEquals(0, repo.events(list, 20).stream().filter(e -> !e.processed()).count(), "nothing left held");
        assertEquals(0, upkeepAt(DAY1.plus(Duration.ofDays(8))).heldExpired(), "each expires once");
    }

    @Test
    void aBounceForSomeoneWhoIsNotAMemberGoesToTheOwners() throws Exception {
        MailingList list = list("alice@example.test");
        assertEquals(List.of(BounceProcessor.Outcome.NOT_A_MEMBER), bounce(list, "stranger@nowhere.test", true, DAY1));
        assertEquals(1, notifier.to(OWNER).size());
        assertTrue(notifier.to(OWNER).get(0).subject().startsWith("Unrecognized bounce"));
        assertEquals(0, repo.events(list, 10).size());
    }

    private BounceUpkeep.Counts upkeepAt(Instant now) throws Exception {
        BounceUpkeep.Counts c = Jpa.inTransaction(em, () -> upkeep.run(now));
        em.clear();
        return c;
    }

    private static String token(Notice warning) {
        Matcher m = Pattern.compile("confirm ([0-9a-f]{40})").matcher(warning.body());
        assertTrue(m.find(), warning.body());
        return m.group(1);
    }
}
