/**
 * Archive storage: every accepted post stored with its raw form, its thread (In-Reply-To, then References)
 * and the plain text that full-text search reads; its RFC 5064 Archived-At URL; mbox (mboxrd) export of a
 * list and import of Mailman 2 (pipermail) mbox archives. The pages belong to the web side.
 * SECURITY: parses untrusted posts and imported mbox files (MIME through Mime4j, HTML through jsoup); the
 * stored text is never rendered here.
 */
package dev.quire.lists.archive;
