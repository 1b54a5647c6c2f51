/**
 * Delivery status notifications: the multipart/report messages (RFC 3464, RFC 6522) the MTA sends back to an
 * envelope sender when delivery fails, is delayed, or succeeded and the client asked to hear so (RFC 3461 NOTIFY).
 * {@link dev.quire.mta.bounce.DsnComposer} builds the message; deciding when to send one, and queueing it with the
 * null reverse-path, belongs to the queue manager.
 * SECURITY: copies untrusted text into header fields (remote SMTP replies, remote host names, the client's ENVID and
 * ORCPT), which is unfolded, stripped of controls and non-ASCII, and refolded under 998 octets; returns the untrusted
 * original message verbatim inside a part whose boundary it checks the original never contains.
 */
package dev.quire.mta.bounce;
