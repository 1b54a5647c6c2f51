/**
 * A mail message as the list engine handles it: header fields kept as they arrived (so a later DKIM
 * signature covers the author's bytes) and a body that is never re-encoded.
 * SECURITY: parses untrusted RFC 5322 messages; a malformed header block ends the header section
 * rather than failing the post, and nothing here interprets the body.
 */
package dev.quire.lists.message;
