/**
 * Persisted multi-step user flows: a request waits at a named step until the token sent to someone
 * resumes it, or it expires. The flows themselves (subscribe, unsubscribe, moderation by email) live in
 * the lists application; this package only stores them.
 */
package dev.quire.db.pending;
