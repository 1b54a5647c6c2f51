package dev.quire.db.list;

/** How a subscription (or unsubscription) request is approved. */
public enum SubscriptionPolicy {
    OPEN, CONFIRM, MODERATE, CONFIRM_THEN_MODERATE
}
