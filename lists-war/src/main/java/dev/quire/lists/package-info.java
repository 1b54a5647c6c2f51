/**
 * Quire's list engine, the application Payara Micro runs as {@code lists.war}. Mail arrives from the MTA
 * over LMTP ({@link dev.quire.lists.lmtp}); posts pass the rule chain ({@link dev.quire.lists.rules},
 * {@link dev.quire.lists.posting}) and then the handler pipeline ({@link dev.quire.lists.pipeline}), whose
 * last handler hands the copies back to the MTA over SMTP ({@link dev.quire.lists.outgoing}).
 */
package dev.quire.lists;
