/**
 * Pending requests: multi-step flows (subscribe, unsubscribe, moderation by email) persisted at a named
 * step and resumed by a {@link dev.quire.lists.pending.Token} sent to the person who must act.
 */
package dev.quire.lists.pending;
