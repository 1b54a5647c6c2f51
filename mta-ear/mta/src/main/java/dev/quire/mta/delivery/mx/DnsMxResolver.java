package dev.quire.mta.delivery.mx;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * MX lookups in DNS through dnsjava, against the system's resolvers or the ones {@code quire.dns.servers}
 * names, with a cache of its own. NXDOMAIN and a null MX fail permanently, SERVFAIL and timeouts temporarily;
 * a domain without MX records is its own exchanger if it has an address (the implicit MX).
 */
public final class DnsMxResolver implements MxResolver {
    /** How long one query to one server may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final int DNS_PORT = 53;

    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);
    private final Random random;

    public DnsMxResolver(Resolver resolver) {
        this(resolver, new Random());
    }

    DnsMxResolver(Resolver resolver, Random random) {
        this.resolver = resolver;
        this.random = random;
    }

    /** A resolver asking the servers of the system's configuration ({@code /etc/resolv.conf}). */
    public static DnsMxResolver system() {
        ExtendedResolver r = new ExtendedResolver();
        r.setTimeout(DEFAULT_TIMEOUT);
        return new DnsMxResolver(r);
    }

    /**
     * A resolver asking the given servers in turn.
     *
     * @param spec comma-separated {@code ip}, {@code ip:port} or {@code [ipv6]:port}; IP addresses only
     * @param timeout the limit on one query to one server
     */
    public static DnsMxResolver servers(String spec, Duration timeout) {
        List<Resolver> servers = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (!entry.isBlank()) {
                SimpleResolver server = new SimpleResolver(server(entry.strip()));
                server.setTimeout(timeout);
                servers.add(server);
            }
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no DNS server in '" + spec + "'");
        }
        ExtendedResolver r = new ExtendedResolver(servers);
        r.setTimeout(timeout);
        return new DnsMxResolver(r);
    }

    private static InetSocketAddress server(String entry) {
        String host = entry;
        int port = DNS_PORT;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in DNS server " + entry);
            }
            host = entry.substring(1, close);
            port = entry.length() > close + 1 ? port(entry.substring(close + 1), entry) : DNS_PORT;
        } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') > 0) {
            host = entry.substring(0, entry.indexOf(':'));
            port = port(entry.substring(entry.indexOf(':')), entry);
        }
        try {
            return new InetSocketAddress(Address.getByAddress(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("DNS server must be an IP address: " + entry, e);
        }
    }

    private static int port(String colonPort, String entry) {
        if (!colonPort.matches(":[0-9]{1,5}") || Integer.parseInt(colonPort.substring(1)) > 65535
                || Integer.parseInt(colonPort.substring(1)) < 1) {
            throw new IllegalArgumentException("bad port in DNS server " + entry);
        }
        return Integer.parseInt(colonPort.substring(1));
    }

    @Override
    public List<MxHost> resolve(String domain) throws MxLookupException {
        Name name = name(domain);
        Lookup mx = query(name, Type.MX);
        Record[] records = mx.run();
        switch (mx.getResult()) {
            case Lookup.SUCCESSFUL :
                return exchangers(records);
            case Lookup.TYPE_NOT_FOUND :
                addressesOf(name);
                return List.of(MxHost.of(host(name), 0));
            case Lookup.HOST_NOT_FOUND :
                throw MxLookupException
                        .permanent("550 5.1.2 Host or domain name not found. Name service error for name="
                                + host(name) + " type=MX: Host not found");
            default :
                throw MxLookupException
                        .temporary("451 4.4.3 Host or domain name not found. Name service error for name="
                                + host(name) + " type=MX: Host not found, try again (" + mx.getErrorString() + ")");
        }
    }

    private List<MxHost> exchangers(Record[] records) throws MxLookupException {
        List<MxHost> hosts = new ArrayList<>();
        boolean nullMx = false;
        for (Record r : records) {
            if (r instanceof MXRecord mx) {
                if (mx.getTarget().equals(Name.root)) {
                    nullMx = true;
                } else {
                    hosts.add(MxHost.of(host(mx.getTarget()), mx.getPriority()));
                }
            }
        }
        if (hosts.isEmpty()) {
            throw nullMx
                    ? MxLookupException.permanent(MxLookupException.NULL_MX)
                    : MxLookupException.temporary("451 4.4.3 MX answer without MX records");
        }
        return MxHost.ordered(hosts, random);
    }

    @Override
    public List<InetAddress> addresses(MxHost host) throws MxLookupException {
        if (host.host().indexOf(':') >= 0 || host.host().matches("[0-9.]+")) {
            try {
                return List.of(Address.getByAddress(host.host()));
            } catch (UnknownHostException e) {
                throw MxLookupException.permanent("550 5.1.2 bad IP address " + host.host());
            }
        }
        return addressesOf(name(host.host()));
    }

    /** IPv4 addresses first, then IPv6, as a host without IPv6 routes fails over fastest that way. */
    private List<InetAddress> addressesOf(Name name) throws MxLookupException {
        List<InetAddress> out = new ArrayList<>();
        boolean tryAgain = false;
        for (int type : new int[]{Type.A, Type.AAAA}) {
            Lookup lookup = query(name, type);
            Record[] records = lookup.run();
            if (lookup.getResult() == Lookup.SUCCESSFUL) {
                for (Record r : records) {
                    if (r instanceof ARecord a) {
                        out.add(a.getAddress());
                    } else if (r instanceof AAAARecord aaaa) {
                        out.add(aaaa.getAddress());
                    }
                }
            } else if (lookup.getResult() != Lookup.HOST_NOT_FOUND && lookup.getResult() != Lookup.TYPE_NOT_FOUND) {
                tryAgain = true;
            }
        }
        if (!out.isEmpty()) {
            return List.copyOf(out);
        }
        if (tryAgain) {
            throw MxLookupException.temporary("451 4.4.3 Host or domain name not found. Name service error for name="
                    + host(name) + " type=A: Host not found, try again");
        }
        throw MxLookupException.permanent("550 5.1.2 Host or domain name not found. Name service error for name="
                + host(name) + " type=A: Host found but no data record of requested type");
    }

    private Lookup query(Name name, int type) {
        Lookup lookup = new Lookup(name, type, DClass.IN);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        return lookup;
    }

    private static Name name(String domain) throws MxLookupException {
        try {
            return Name.fromString(domain.endsWith(".") ? domain : domain + ".");
        } catch (TextParseException e) {
            throw MxLookupException.permanent("550 5.1.2 bad domain name " + domain);
        }
    }

    private static String host(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }
}
