/**
 * Joining and leaving a list as persisted state machines: a request records at creation the named steps
 * it must pass (the subscriber's confirmation, a moderator's approval), waits at each behind a fresh token,
 * and completes with a welcome or goodbye. {@link dev.quire.lists.subscription.SubscriptionService} is the
 * one entry point for email commands, the web form and administrators.
 */
package dev.quire.lists.subscription;
