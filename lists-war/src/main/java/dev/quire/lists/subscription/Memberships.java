package dev.quire.lists.subscription;

import java.io.IOException;
import java.time.Instant;
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
import dev.quire.mail.EmailAddress;

/**
 * Every change to a membership goes through here, so each is audited ({@link MembershipEvent}), the member is
 * welcomed or told goodbye as the list asks, and the membership sync's exclusions follow ({@link SyncedRoster}).
 */
@ApplicationScoped
public class Memberships {
    /** Audit event names. */
    public static final String SUBSCRIBED = "SUBSCRIBED";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    public static final String REJECTED = "REQUEST_REJECTED";
    public static final String OPTION_SET = "OPTION_SET";

    @Inject
    MemberRepository members;

    @Inject
    MembershipEventRepository events;

    @Inject
    SubscriptionNotices notices;

    @Inject
    SyncedRoster synced;

    /** The address's regular membership, if it is a member. */
    public Optional<Member> member(MailingList list, EmailAddress address) {
        return members.find(list, address, MemberRole.MEMBER);
    }

    /** Makes the address a member (unless it is one) and welcomes it. */
    @Transactional(rollbackOn = IOException.class)
    public void join(MailingList list, EmailAddress address, String displayName, String actor, String detail)
            throws IOException {
        if (member(list, address).isPresent()) {
            return;
        }
        Member m = new Member(list, address, MemberRole.MEMBER);
        m.setDisplayName(displayName);
        members.add(m);
        synced.joined(list, m);
        events.add(new MembershipEvent(list, address.toString(), SUBSCRIBED, actor, detail));
        if (list.subscriptions().sendWelcome()) {
            notices.welcome(list, address);
        }
    }

    /** Ends the address's membership (if it has one) and says goodbye. */
    @Transactional(rollbackOn = IOException.class)
    public void leave(MailingList list, EmailAddress address, String actor, String detail) throws IOException {
        Optional<Member> m = member(list, address);
        if (m.isEmpty()) {
            return;
        }
        synced.leave(list, m.get());
        events.add(new MembershipEvent(list, address.toString(), UNSUBSCRIBED, actor, detail));
        if (list.subscriptions().sendGoodbye()) {
            notices.goodbye(list, address);
        }
    }

    /** Records that a moderator turned a request down. */
    @Transactional
    public void rejected(MailingList list, EmailAddress address, String actor, String detail) {
        events.add(new MembershipEvent(list, address.toString(), REJECTED, actor, detail));
    }

    /**
     * Sets one of a member's options; returns the option's new value, or empty when the address is not a
     * member.
     *
     * @throws IllegalArgumentException when the value is not one the option accepts
     */
    @Transactional
    public Optional<String> set(MailingList list, EmailAddress address, MemberOption option, String value,
            String actor) {
        Optional<Member> found = member(list, address);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Member m = members.update(found.get());
        String before = option.show(m);
        option.apply(m, value, Instant.now());
        String after = option.show(m);
        if (!after.equals(before)) {
            events.add(new MembershipEvent(list, address.toString(), OPTION_SET, actor, option.keyword() + " "
                    + before + " -> " + after));
        }
        return Optional.of(after);
    }
}
