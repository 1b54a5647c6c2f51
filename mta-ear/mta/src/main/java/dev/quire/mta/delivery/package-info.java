/**
 * Delivery agents, one per transport: Maildir for local mailboxes, LMTP to the list engine, SMTP to the
 * smarthost. Each reports per recipient whether the message was delivered, should be retried or failed
 * for good.
 * SECURITY: reads replies from remote SMTP and LMTP servers (parsed by the quire-mail client); writes
 * mailbox files only under the configured mail directory, with names built from checked addresses.
 */
package dev.quire.mta.delivery;
