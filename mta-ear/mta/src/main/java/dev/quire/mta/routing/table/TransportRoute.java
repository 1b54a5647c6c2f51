package dev.quire.mta.routing.table;

import java.util.Objects;

/**
 * Where mail for a destination goes next, as a transport table entry names it (the delivery side's next hop is
 * {@code new dev.quire.mta.delivery.NextHop("smtp", host, port, literal)}).
 *
 * @param host a host name (lower-case) or an IP address
 * @param port the TCP port
 * @param literal true for {@code [host]}: connect to the host itself; false for a bare host name: look up its MX
 *            records first, as Postfix does
 */
public record TransportRoute(String host, int port, boolean literal) {
    /** The SMTP port used when an entry names none. */
    public static final int DEFAULT_PORT = 25;

    public TransportRoute {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The host as sendmail {@code -bv} prints it: {@code [host]} when literal, else {@code host}. */
    public String hostSpec() {
        return literal ? "[" + host + "]" : host;
    }

    /** The transport-table form: {@code [host]:port} or {@code host:port}. */
    @Override
    public String toString() {
        return hostSpec() + ":" + port;
    }
}
