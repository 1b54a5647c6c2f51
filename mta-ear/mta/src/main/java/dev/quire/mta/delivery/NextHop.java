package dev.quire.mta.delivery;

/**
 * Where a group of recipients is delivered: a transport and, for the network ones, a host and port.
 *
 * @param transport {@code local} (Maildir), {@code lmtp}, {@code smtp}, or {@code none} (no route yet:
 *        deferred)
 * @param host the next hop's host, for lmtp and smtp
 * @param port its port
 * @param literal true when the host is used as given ({@code [host]}: no MX lookup)
 */
public record NextHop(String transport, String host, int port, boolean literal) {
    public static final NextHop LOCAL = new NextHop("local", null, 0, false);
    public static final NextHop NONE = new NextHop("none", null, 0, false);

    /** Parses {@code [host]:port}, {@code host:port} or {@code host} (port 25) as an SMTP next hop. */
    public static NextHop smtp(String spec) {
        String s = spec.strip();
        boolean literal = s.startsWith("[");
        String host;
        int port = 25;
        if (literal) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in next hop " + spec);
            }
            host = s.substring(1, close);
            if (s.length() > close + 1) {
                port = Integer.parseInt(s.substring(close + 2));
            }
        } else {
            int colon = s.lastIndexOf(':');
            host = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? 25 : Integer.parseInt(s.substring(colon + 1));
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad next hop " + spec);
        }
        return new NextHop("smtp", host, port, literal);
    }

    /** The host as {@code verify} prints it: {@code [host]} when literal, with the port when not 25. */
    public String describeHost() {
        String h = literal ? "[" + host + "]" : host;
        return port == 25 ? h : h + ":" + port;
    }
}
