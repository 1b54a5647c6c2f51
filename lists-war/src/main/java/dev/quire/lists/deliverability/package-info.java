/**
 * What makes list mail acceptable to the big mailbox providers: DKIM signatures with the list's domain
 * ({@code dkim}), ARC seals carrying the inbound authentication results ({@code arc}), DMARC policy lookups
 * that decide when the author's From must be mitigated ({@code dmarc}), and RFC 8058 one-click unsubscribe
 * tokens ({@code unsubscribe}). {@link dev.quire.lists.deliverability.OutgoingSigner} applies signing and
 * sealing to every copy that leaves.
 */
package dev.quire.lists.deliverability;
