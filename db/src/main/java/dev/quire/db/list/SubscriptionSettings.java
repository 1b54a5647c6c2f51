package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Who may join and leave, how, and what they are told. */
@Embeddable
public class SubscriptionSettings {
    @Enumerated(EnumType.STRING)
    @Column(name = "subscription_policy", nullable = false, length = 24)
    private SubscriptionPolicy subscriptionPolicy = SubscriptionPolicy.CONFIRM;

    @Enumerated(EnumType.STRING)
    @Column(name = "unsubscription_policy", nullable = false, length = 24)
    private SubscriptionPolicy unsubscriptionPolicy = SubscriptionPolicy.CONFIRM;

    @Enumerated(EnumType.STRING)
    @Column(name = "roster_visibility", nullable = false, length = 16)
    private RosterVisibility rosterVisibility = RosterVisibility.MODERATORS;

    @Column(name = "send_welcome", nullable = false)
    private boolean sendWelcome = true;

    @Column(name = "welcome_template")
    private String welcomeTemplate;

    @Column(name = "send_goodbye", nullable = false)
    private boolean sendGoodbye = true;

    @Column(name = "goodbye_template")
    private String goodbyeTemplate;

    public SubscriptionPolicy subscriptionPolicy() {
        return subscriptionPolicy;
    }

    public void setSubscriptionPolicy(SubscriptionPolicy subscriptionPolicy) {
        this.subscriptionPolicy = subscriptionPolicy;
    }

    public SubscriptionPolicy unsubscriptionPolicy() {
        return unsubscriptionPolicy;
    }

    public void setUnsubscriptionPolicy(SubscriptionPolicy unsubscriptionPolicy) {
        this.unsubscriptionPolicy = unsubscriptionPolicy;
    }

    /** Who may see the member list (the who command). */
    public RosterVisibility rosterVisibility() {
        return rosterVisibility;
    }

    public void setRosterVisibility(RosterVisibility rosterVisibility) {
        this.rosterVisibility = rosterVisibility;
    }

    public boolean sendWelcome() {
        return sendWelcome;
    }

    public void setSendWelcome(boolean sendWelcome) {
        this.sendWelcome = sendWelcome;
    }

    public String welcomeTemplate() {
        return welcomeTemplate;
    }

    public void setWelcomeTemplate(String welcomeTemplate) {
        this.welcomeTemplate = welcomeTemplate;
    }

    public boolean sendGoodbye() {
        return sendGoodbye;
    }

    public void setSendGoodbye(boolean sendGoodbye) {
        this.sendGoodbye = sendGoodbye;
    }

    public String goodbyeTemplate() {
        return goodbyeTemplate;
    }

    public void setGoodbyeTemplate(String goodbyeTemplate) {
        this.goodbyeTemplate = goodbyeTemplate;
    }
}
