package dev.quire.mta.routing.table;

/**
 * What a client-access rule says about a connecting client.
 *
 * @param allowed whether the client may talk to us at all ({@code allow}) or is refused ({@code deny})
 * @param relayClient whether it may relay without authentication ({@code RELAYCLIENT}); always false when denied
 */
public record ClientAccess(boolean allowed, boolean relayClient) {
    /** What applies when no rule matches, as for tcpserver: allowed, no relaying. */
    public static final ClientAccess DEFAULT = new ClientAccess(true, false);

    public ClientAccess {
        relayClient = allowed && relayClient;
    }
}
