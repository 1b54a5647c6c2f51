package dev.quire.mta.smtpd;

import java.net.InetAddress;

import dev.quire.mail.smtp.Reply;

/**
 * A listener's identity and policy: its name for logs, who may connect, and its recipient checks.
 *
 * @param name the listener's name in logs ({@code mx}, {@code internal})
 * @param protocol the protocol word for the Received header
 * @param allowedClients clients allowed to send at all, or null for everyone
 * @param policy the recipient checks
 */
record Listener(String name, String protocol, NetworkList allowedClients, RecipientPolicy policy) {
    private static final Reply NOT_ALLOWED = new Reply(554, "5.7.1", "Access denied: this listener is internal");

    /** Null when the client may start a transaction, else the refusal. */
    Reply admit(InetAddress client) {
        return allowedClients == null || allowedClients.contains(client) ? null : NOT_ALLOWED;
    }
}
