package dev.quire.mta.delivery.mx;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds where mail for a domain goes, as RFC 5321 section 5.1 says: the MX hosts by preference (equal
 * preferences shuffled); without MX records the domain itself (implicit MX); a null MX (RFC 7505) or a domain
 * that does not exist fails permanently; a resolver that does not answer fails temporarily.
 */
public interface MxResolver {
    /**
     * @param domain the recipient domain, without trailing dot
     * @return the exchangers in the order to try them; never empty
     * @throws MxLookupException when there is nowhere to deliver, now or for good
     */
    List<MxHost> resolve(String domain) throws MxLookupException;

    /**
     * The addresses of one exchanger, in the order to try them. This default asks the system resolver.
     *
     * @throws MxLookupException when the host has no address
     */
    default List<InetAddress> addresses(MxHost host) throws MxLookupException {
        try {
            return List.of(InetAddress.getAllByName(host.host()));
        } catch (UnknownHostException e) {
            throw MxLookupException.temporary("451 4.4.3 cannot find the address of " + host.host());
        }
    }
}
