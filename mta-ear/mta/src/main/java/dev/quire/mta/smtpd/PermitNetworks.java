package dev.quire.mta.smtpd;

import java.net.InetAddress;

import dev.quire.mail.EmailAddress;

/** Relay for clients in the listed networks (Postfix's {@code permit_mynetworks}). */
public final class PermitNetworks implements RecipientCheck {
    private final NetworkList networks;

    public PermitNetworks(NetworkList networks) {
        this.networks = networks;
    }

    @Override
    public Verdict check(InetAddress client, EmailAddress recipient) {
        return networks.contains(client) ? Verdict.OK : Verdict.DUNNO;
    }
}
