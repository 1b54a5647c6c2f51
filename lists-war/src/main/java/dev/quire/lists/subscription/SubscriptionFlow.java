package dev.quire.lists.subscription;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.mail.EmailAddress;

/** Joining a list: the {@code SUBSCRIBE} pending requests. */
@ApplicationScoped
public class SubscriptionFlow extends MembershipFlow {
    public static final String KIND = "SUBSCRIBE";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected String verb() {
        return "join";
    }

    @Override
    protected SubscriptionPolicy policy(MailingList list) {
        return list.subscriptions().subscriptionPolicy();
    }

    @Override
    protected boolean done(MailingList list, EmailAddress address) {
        return memberships.member(list, address).isPresent();
    }

    @Override
    protected Outcome alreadyDone(MailingList list, EmailAddress address) {
        return new Outcome(Outcome.Status.ALREADY_MEMBER, address + " is already a member of "
                + list.postingAddress() + ".");
    }

    @Override
    protected Outcome complete(MailingList list, EmailAddress address, String displayName, String actor,
            RequestData data) throws IOException {
        memberships.join(list, address, displayName, actor, "by " + data.channel().name().toLowerCase(
                java.util.Locale.ROOT) + ", steps " + data.steps());
        return new Outcome(Outcome.Status.SUBSCRIBED, address + " is now a member of " + list.postingAddress()
                + ".");
    }
}
