package dev.quire.lists.subscription;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.mail.EmailAddress;

/** Leaving a list: the {@code UNSUBSCRIBE} pending requests. */
@ApplicationScoped
public class UnsubscriptionFlow extends MembershipFlow {
    public static final String KIND = "UNSUBSCRIBE";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected String verb() {
        return "leave";
    }

    @Override
    protected SubscriptionPolicy policy(MailingList list) {
        return list.subscriptions().unsubscriptionPolicy();
    }

    @Override
    protected boolean done(MailingList list, EmailAddress address) {
        return memberships.member(list, address).isEmpty();
    }

    @Override
    protected Outcome alreadyDone(MailingList list, EmailAddress address) {
        return new Outcome(Outcome.Status.NOT_MEMBER, address + " is not a member of " + list.postingAddress()
                + ".");
    }

    @Override
    protected Outcome complete(MailingList list, EmailAddress address, String displayName, String actor,
            RequestData data) throws IOException {
        memberships.leave(list, address, actor, "by " + data.channel().name().toLowerCase(java.util.Locale.ROOT)
                + ", steps " + data.steps());
        return new Outcome(Outcome.Status.UNSUBSCRIBED, address + " has left " + list.postingAddress() + ".");
    }
}
