package dev.quire.lists.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.MembershipEvent;
import dev.quire.db.list.MembershipEventRepository;
import dev.quire.lists.subscription.Channel;
import dev.quire.lists.subscription.Memberships;
import dev.quire.lists.subscription.SubscriptionNotices;
import dev.quire.lists.subscription.SubscriptionService;
import dev.quire.lists.subscription.SyncedRoster;
import dev.quire.mail.EmailAddress;

/**
 * An owner's changes to a roster, one address at a time, as Mailman's mass subscribe does them: a direct
 * subscription is immediate and sends a welcome only when the owner asks for one; an invitation asks the
 * address to confirm first (the subscription workflow's confirmation step). Removal says no goodbye. Each
 * change is audited as the owner's.
 */
@ApplicationScoped
public class RosterChanges {
    @Inject
    MemberRepository members;

    @Inject
    MembershipEventRepository events;

    @Inject
    SubscriptionNotices notices;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    SyncedRoster synced;

    /** What happened to one address. */
    public enum Result {
        ADDED, INVITED, ALREADY, REMOVED, NOT_MEMBER
    }

    /** Subscribes (or invites) one address unless it is a member already. */
    @Transactional(rollbackOn = IOException.class)
    public Result add(MailingList list, NewMember m, String actor, boolean welcome, boolean invite)
            throws IOException {
        if (members.find(list, m.address(), MemberRole.MEMBER).isPresent()) {
            return Result.ALREADY;
        }
        if (invite) {
            subscriptions.subscribe(list, m.address(), m.name(), Channel.WEB, actor);
            return Result.INVITED;
        }
        Member member = new Member(list, m.address(), MemberRole.MEMBER);
        member.setDisplayName(m.name());
        members.add(member);
        synced.joined(list, member);
        events.add(new MembershipEvent(list, m.address().toString(), Memberships.SUBSCRIBED, actor,
                "added by an owner"));
        if (welcome) {
            notices.welcome(list, m.address());
        }
        return Result.ADDED;
    }

    /**
     * Unsubscribes one address, if it is a member. A member a sync source had returned goes on the sync's
     * exclusion list, as in Sympa, so the next sync does not add them back; adding them again lifts it.
     */
    @Transactional
    public Result remove(MailingList list, EmailAddress address, String actor) {
        Optional<Member> m = members.find(list, address, MemberRole.MEMBER);
        if (m.isEmpty()) {
            return Result.NOT_MEMBER;
        }
        try {
            synced.leave(list, m.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.add(new MembershipEvent(list, address.toString(), Memberships.UNSUBSCRIBED, actor,
                "removed by an owner"));
        return Result.REMOVED;
    }
}
