package dev.quire.mta.routing.table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <config>/transport}: the next hop per destination domain, lines {@code domain  [host]:port},
 * {@code domain  [host]}, {@code domain  host:port} or {@code domain  host} (port 25). The key column is a domain
 * (that domain only), {@code .domain} (any subdomain of it) or {@code *} (everything else). A lookup tries the
 * domain itself, then its parent domains from the closest, then {@code *}.
 */
public final class TransportTable implements LookupTable<TransportRoute> {
    /** The file name under the configuration directory. */
    public static final String FILE = "transport";
    private static final String DEFAULT_KEY = "*";

    private final WatchedFile<Map<String, TransportRoute>> file;

    public TransportTable(Path configDirectory) {
        this(configDirectory, RoutingTables.DEFAULT_CHECK_INTERVAL);
    }

    public TransportTable(Path configDirectory, Duration checkInterval) {
        this.file = new WatchedFile<>(configDirectory.resolve(FILE), checkInterval, TransportTable::parse, Map.of());
    }

    @Override
    public Optional<TransportRoute> lookup(String domain) {
        Map<String, TransportRoute> table = file.get();
        String d = TableLines.domainOrNull(domain);
        if (d != null) {
            TransportRoute hop = table.get(d);
            for (int dot = d.indexOf('.'); hop == null && dot >= 0; dot = d.indexOf('.', dot + 1)) {
                hop = table.get(d.substring(dot));
            }
            if (hop != null) {
                return Optional.of(hop);
            }
        }
        return Optional.ofNullable(table.get(DEFAULT_KEY));
    }

    private static Map<String, TransportRoute> parse(List<String> lines) throws TableSyntaxException {
        Map<String, TransportRoute> map = new HashMap<>();
        for (TableLines.Line line : TableLines.logical(lines, true)) {
            String[] c = TableLines.columns(line, 2, "'domain  [host]:port'");
            String key;
            if (c[0].equals(DEFAULT_KEY)) {
                key = DEFAULT_KEY;
            } else if (c[0].startsWith(".")) {
                key = "." + TableLines.domain(c[0].substring(1), line.number());
            } else {
                key = TableLines.domain(c[0], line.number());
            }
            if (map.putIfAbsent(key, nextHop(c[1], line.number())) != null) {
                throw new TableSyntaxException(line.number(), "duplicate transport entry " + key);
            }
        }
        return Map.copyOf(map);
    }

    private static TransportRoute nextHop(String text, int line) throws TableSyntaxException {
        String host;
        String rest;
        boolean bracketed = text.startsWith("[");
        if (bracketed) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new TableSyntaxException(line, "missing ']' in " + TableLines.printable(text));
            }
            host = text.substring(1, close);
            rest = text.substring(close + 1);
        } else {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            rest = colon < 0 ? "" : text.substring(colon);
        }
        int port = TransportRoute.DEFAULT_PORT;
        if (!rest.isEmpty()) {
            if (!rest.startsWith(":") || !rest.substring(1).matches("[0-9]{1,5}")
                    || Integer.parseInt(rest.substring(1)) < 1 || Integer.parseInt(rest.substring(1)) > 65535) {
                throw new TableSyntaxException(line, "bad port in " + TableLines.printable(text));
            }
            port = Integer.parseInt(rest.substring(1));
        }
        String name = TableLines.domainOrNull(host);
        if (name == null && bracketed && IpLiterals.parse(host).isPresent()) {
            name = IpLiterals.parse(host).get().getHostAddress();
        }
        if (name == null) {
            throw new TableSyntaxException(line, "not a host name" + (bracketed ? " or IP address: " : ": ")
                    + TableLines.printable(host));
        }
        return new TransportRoute(name, port, bracketed);
    }
}
