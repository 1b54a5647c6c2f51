package dev.quire.mta.routing.table;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code <config>/client-access}: qmail tcprules lines {@code rule:instructions}, for example
 * {@code 128.2.204.94:allow,RELAYCLIENT}, {@code 127.:allow,RELAYCLIENT=""}, {@code 10.0.0.0/8:allow,RELAYCLIENT},
 * {@code 192.0.2.:deny} and {@code :allow} (the default rule). A rule is an exact IPv4 or IPv6 address, a dotted
 * IPv4 prefix ending in {@code .}, an IPv4 or IPv6 CIDR block, or empty. Instructions are {@code allow} or
 * {@code deny}, then comma-separated environment settings {@code VAR}, {@code VAR=value} or {@code VAR="value"} of
 * which only {@code RELAYCLIENT} means anything here. As tcpserver does, the most specific rule wins (exact
 * address, then the longest prefix, CIDR and dotted prefixes compared by their length in bits); among equally
 * specific rules the first in the file wins. The key of {@link #lookup} is an IP address literal.
 */
public final class ClientAccessTable implements LookupTable<ClientAccess> {
    /** The file name under the configuration directory. */
    public static final String FILE = "client-access";
    private static final String RELAYCLIENT = "RELAYCLIENT";
    private static final Pattern DOTTED_PREFIX = Pattern.compile("([0-9]{1,3}\\.){1,3}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(=(\"[^\"]*\"|[^\",]*))?");

    /** A network ({@code network} empty for the default rule, which matches every address) and its verdict. */
    private record Rule(byte[] network, int prefix, ClientAccess access) {
        boolean matches(byte[] address) {
            if (network.length == 0) {
                return true;
            }
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (network[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = 0xFF << (8 - rest) & 0xFF;
            return rest == 0 || (network[full] & mask) == (address[full] & mask);
        }
    }

    private final WatchedFile<List<Rule>> file;

    public ClientAccessTable(Path configDirectory) {
        this(configDirectory, RoutingTables.DEFAULT_CHECK_INTERVAL);
    }

    public ClientAccessTable(Path configDirectory, Duration checkInterval) {
        this.file = new WatchedFile<>(configDirectory.resolve(FILE), checkInterval, ClientAccessTable::parse,
                List.of());
    }

    /** The most specific rule for an IP address literal; empty when no rule (not even a default) matches. */
    @Override
    public Optional<ClientAccess> lookup(String address) {
        String text = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1)
                : address;
        return IpLiterals.parse(text).flatMap(this::lookup);
    }

    /** The most specific rule for a client address; empty when no rule matches. */
    public Optional<ClientAccess> lookup(InetAddress client) {
        byte[] a = client.getAddress();
        for (Rule rule : file.get()) {
            if (rule.matches(a)) {
                return Optional.of(rule.access());
            }
        }
        return Optional.empty();
    }

    /** The access for a client: its most specific rule, or {@link ClientAccess#DEFAULT} when none matches. */
    public ClientAccess check(InetAddress client) {
        return lookup(client).orElse(ClientAccess.DEFAULT);
    }

    private static List<Rule> parse(List<String> lines) throws TableSyntaxException {
        List<Rule> rules = new ArrayList<>();
        for (TableLines.Line line : TableLines.logical(lines, false)) {
            String text = line.text();
            int split = instructionStart(text);
            if (split < 0) {
                throw new TableSyntaxException(line.number(), "expected 'rule:allow' or 'rule:deny'");
            }
            rules.add(rule(text.substring(0, split).strip(), instructions(text.substring(split + 1), line.number()),
                    line.number()));
        }
        // a stable sort keeps file order among equally specific rules: first match wins, as in tcprules
        rules.sort(Comparator.comparingInt(Rule::prefix).reversed());
        return List.copyOf(rules);
    }

    /** The colon before {@code allow}/{@code deny}; addresses contain no such letters, IPv6 colons notwithstanding. */
    private static int instructionStart(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = lower.indexOf(':'); i >= 0; i = lower.indexOf(':', i + 1)) {
            for (String verb : new String[]{"allow", "deny"}) {
                int end = i + 1 + verb.length();
                if (lower.startsWith(verb, i + 1) && (end == lower.length() || lower.charAt(end) == ',')) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static ClientAccess instructions(String text, int line) throws TableSyntaxException {
        String[] parts = text.split(",", -1);
        boolean allow = parts[0].strip().equalsIgnoreCase("allow");
        boolean relay = false;
        for (int i = 1; i < parts.length; i++) {
            String setting = parts[i].strip();
            if (!VARIABLE.matcher(setting).matches()) {
                throw new TableSyntaxException(line, "bad environment setting " + TableLines.printable(setting));
            }
            int eq = setting.indexOf('=');
            relay |= (eq < 0 ? setting : setting.substring(0, eq)).equals(RELAYCLIENT);
        }
        return new ClientAccess(allow, relay);
    }

    private static Rule rule(String text, ClientAccess access, int line) throws TableSyntaxException {
        if (text.isEmpty()) {
            return new Rule(new byte[0], 0, access);
        }
        if (DOTTED_PREFIX.matcher(text).matches()) {
            String[] octets = text.split("\\.");
            byte[] network = new byte[4];
            for (int i = 0; i < octets.length; i++) {
                int v = Integer.parseInt(octets[i]);
                if (v > 255) {
                    throw new TableSyntaxException(line, "bad address prefix " + TableLines.printable(text));
                }
                network[i] = (byte) v;
            }
            return new Rule(network, octets.length * 8, access);
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        if (addressText.startsWith("[") && addressText.endsWith("]")) {
            addressText = addressText.substring(1, addressText.length() - 1);
        }
        InetAddress address = IpLiterals.parse(addressText).orElseThrow(() -> new TableSyntaxException(line,
                "not an IP address, dotted prefix or CIDR block (host names and ranges are not supported): "
                        + TableLines.printable(text)));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
                throw new TableSyntaxException(line, "bad prefix length in " + TableLines.printable(text));
            }
            prefix = Integer.parseInt(p);
        }
        return new Rule(address.getAddress(), prefix, access);
    }
}
