package dev.quire.mta.routing.table;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever asking DNS. */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiterals() {
    }

    /**
     * A dotted-quad IPv4 or an IPv6 literal (IPv4-mapped IPv6 comes back as IPv4); anything else, host names
     * included, is empty.
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(parts[i]);
            }
            return address(b);
        }
        char first = text.charAt(0);
        boolean literalStart = first == ':' || Character.digit(first, 16) >= 0;
        if (!literalStart || text.indexOf(':') < 0 || !IPV6_CHARS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // starts with a hex digit or ':' and contains ':': InetAddress parses it as a literal, never via DNS
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> address(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
