package dev.quire.mta.smtpd;

import java.util.function.Supplier;

/**
 * Relay for clients in trusted networks (Postfix's {@code permit_mynetworks}): the configured list, and
 * the client-access table's RELAYCLIENT entries (qmail's tcprules).
 */
public final class PermitNetworks implements RecipientCheck {
    private final Supplier<NetworkList> networks;
    private final ClientRules clientRules;

    /** Client rules that may grant relay; a listener without a client-access table passes a rule that never does. */
    @FunctionalInterface
    public interface ClientRules {
        boolean relayClient(java.net.InetAddress client);
    }

    public PermitNetworks(Supplier<NetworkList> networks, ClientRules clientRules) {
        this.networks = networks;
        this.clientRules = clientRules;
    }

    @Override
    public Verdict check(RecipientRequest request) {
        return networks.get().contains(request.client()) || clientRules.relayClient(request.client())
                ? Verdict.OK
                : Verdict.DUNNO;
    }
}
