/**
 * The SMTP and LMTP protocol engine (RFC 5321, RFC 2033, with PIPELINING, 8BITMIME, SIZE, ENHANCEDSTATUSCODES,
 * STARTTLS, AUTH PLAIN/LOGIN, SMTPUTF8, DSN parameters and CHUNKING) and a small blocking client. A
 * {@link dev.quire.mail.smtp.SmtpServer} runs one {@code Session} per connection, which dispatches each command line
 * through a {@code CommandRegistry} to one class per verb; the TLS and AUTH requirements are wrappers around verbs, and
 * the application sees only a per-transaction {@link dev.quire.mail.smtp.MessageHandler} and an
 * {@link dev.quire.mail.smtp.Authenticator}. {@link dev.quire.mail.smtp.SmtpClient} speaks the same protocols for
 * smarthost and LMTP delivery.
 * <p>
 * SECURITY: the server parses untrusted command lines (UTF-8, at most 512 octets), envelope addresses, ESMTP and DSN
 * parameters, SASL responses and message data from any peer. DATA ends only on CRLF "." CRLF, and BDAT content gets
 * the same rule at LAST: any bare CR or LF rejects the message with 550 5.6.0, so a message cannot change meaning with
 * how it was transmitted (SMTP smuggling). Input pipelined behind STARTTLS is discarded (CVE-2011-0411); failed AUTH
 * is delayed and throttled per client address; passwords are zeroed and never logged. The client parses untrusted
 * replies from remote servers and never lets caller text inject a command.
 */
package dev.quire.mail.smtp;
