package dev.quire.mta.smtpd;

import java.net.InetAddress;

import dev.quire.mail.smtp.Reply;
import dev.quire.mta.routing.table.ClientAccessTable;
import dev.quire.mta.scan.ScanPolicy;

/**
 * A listener's identity and policy: its name for logs, who may connect, its recipient checks, and the HELO
 * name that mail it accepted is delivered onward with.
 *
 * @param name the listener's name in logs ({@code mx}, {@code submission}, {@code smtps}, {@code internal},
 *        {@code bulk})
 * @param allowedClients clients allowed to send at all, or null for everyone
 * @param clientAccess the client-access table (deny rules), or null when it does not apply
 * @param policy the recipient checks
 * @param outgoingHelo the HELO name for delivering onward, or null for the MTA's own name
 * @param scan the content scanning policy, or null when no scanner is configured
 */
record Listener(String name, NetworkList allowedClients, ClientAccessTable clientAccess, RecipientPolicy policy,
        String outgoingHelo, ScanPolicy scan) {
    private static final Reply INTERNAL_ONLY = new Reply(554, "5.7.1", "Access denied: this listener is internal");
    private static final Reply CLIENT_DENIED = new Reply(554, "5.7.1", "Access denied");

    /** Null when the client may start a transaction, else the refusal. */
    Reply admit(InetAddress client) {
        if (allowedClients != null && !allowedClients.contains(client)) {
            return INTERNAL_ONLY;
        }
        if (clientAccess != null && !clientAccess.check(client).allowed()) {
            return CLIENT_DENIED;
        }
        return null;
    }
}
