/**
 * The moderation queue: what moderators do with held posts ({@link
 * dev.quire.lists.moderation.ModerationService}: accept, reject with a reason, discard, defer, accept and
 * stop moderating the member), the notices that tell them a post is held and remind them daily, and
 * moderation by email, a reply to a notice resuming its {@code HELD_POST} token.
 * SECURITY: held posts and moderators' replies are untrusted; only an owner or moderator of the list who
 * holds the notice's token acts by email.
 */
package dev.quire.lists.moderation;
