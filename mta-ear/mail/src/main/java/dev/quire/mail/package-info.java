/**
 * Mail primitives shared by the MTA and the list engine: the {@link dev.quire.mail.EmailAddress} value object and its
 * parse error. Nothing here depends on a container; the jar needs only the JDK.
 * <p>
 * SECURITY: {@link dev.quire.mail.EmailAddress#parse(String)} and its UTF-8 variant parse untrusted mailbox strings taken from SMTP
 * envelopes and message headers; they accept only the RFC 5321 mailbox grammar (RFC 6531 UTF-8 only when asked) and reject source routes,
 * control characters and over-long parts.
 */
package dev.quire.mail;
