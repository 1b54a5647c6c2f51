/**
 * The SMTP and LMTP protocol engine (RFC 5321, RFC 2033, with PIPELINING, 8BITMIME, SIZE and ENHANCEDSTATUSCODES) and
 * a small blocking client. A {@link dev.quire.mail.smtp.SmtpServer} runs one {@code Session} per connection, which
 * dispatches each command line through a {@code CommandRegistry} to one class per verb; the application sees only a
 * per-transaction {@link dev.quire.mail.smtp.MessageHandler}. {@link dev.quire.mail.smtp.SmtpClient} speaks the same
 * protocols for smarthost and LMTP delivery.
 * <p>
 * SECURITY: the server parses untrusted command lines, envelope addresses and parameters, and message data from any
 * peer; DATA ends only on CRLF "." CRLF and any bare CR or LF rejects the message, closing the SMTP smuggling class of
 * attacks. The client parses untrusted replies from remote servers and never lets caller text inject a command.
 */
package dev.quire.mail.smtp;
