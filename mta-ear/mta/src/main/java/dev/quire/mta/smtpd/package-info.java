/**
 * The MTA's listeners and the per-transaction policy: the MX listener (relay only for configured client
 * networks) and the internal listener through which the list engine hands over outgoing copies. Each
 * recipient check is one class answering OK, DUNNO, DEFER or REJECT, run in order.
 * SECURITY: handles untrusted SMTP envelopes and message data from the network (parsed by the quire-mail
 * engine); decides relay access, so every path that is not an explicit permit ends in a rejection.
 */
package dev.quire.mta.smtpd;
