/**
 * Decides what a recipient is, as Postfix's address classes do: a list address (handed to the list
 * engine over LMTP), a local mailbox (Maildir) or a remote address (SMTP to the smarthost), or no such
 * user. RCPT validation and delivery both ask this one {@link dev.quire.mta.routing.Router}.
 * SECURITY: parses recipient addresses supplied by SMTP clients (already syntax-checked by the SMTP
 * engine) and matches them literally: {@code %}, {@code !} and quoted forms never route anywhere else.
 */
package dev.quire.mta.routing;
