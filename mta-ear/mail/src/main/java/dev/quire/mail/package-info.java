/**
 * Mail primitives shared by the MTA and the list engine: the {@link dev.quire.mail.EmailAddress} value object and its
 * parse error. Nothing here depends on a container; the jar needs only the JDK.
 * <p>
 * SECURITY: {@link dev.quire.mail.EmailAddress#parse(String)} parses untrusted mailbox strings taken from SMTP
 * envelopes and message headers; it accepts only the RFC 5321 ASCII mailbox grammar and rejects source routes,
 * control characters and over-long parts.
 */
package dev.quire.mail;
