/**
 * The list engine's LMTP listener: the MTA delivers every list address here, and each recipient gets
 * its own reply after DATA (RFC 2033), so one failing list does not make the others retry.
 * SECURITY: receives untrusted messages relayed by the MTA (framing parsed by the quire-mail engine);
 * listens on loopback unless configured otherwise.
 */
package dev.quire.lists.lmtp;
