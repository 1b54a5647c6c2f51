/**
 * Digests: accepted posts collected for members who read a list in bulk, sent as one MIME digest
 * (RFC 2046 multipart/digest after a table of contents) or one plain digest (RFC 1153) when the pending
 * posts reach the list's size threshold or on its period, numbered by volume and issue.
 * SECURITY: embeds untrusted posts; only their Subject and From (decoded) reach the table of contents.
 */
package dev.quire.lists.digest;
