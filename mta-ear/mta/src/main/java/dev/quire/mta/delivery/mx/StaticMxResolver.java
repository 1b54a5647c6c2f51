package dev.quire.mta.delivery.mx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * MX hosts from a text table ({@code quire.dns.static}), for tests and sites without DNS: lines
 * {@code domain  host[:port] [host[:port]...]}, hosts tried in the order given; {@code [ipv6]:port} for IPv6;
 * a lone {@code .} is a null MX; {@code #} starts a comment. Domains not in the table go to the fallback
 * resolver, or fail as unknown when there is none. The file is read again when it changes; a broken edit keeps
 * the table last read.
 */
public final class StaticMxResolver implements MxResolver {
    private static final Logger LOG = Logger.getLogger(StaticMxResolver.class.getName());
    private static final int PREFERENCE_STEP = 10;

    private final Path file;
    private final MxResolver fallback;
    private Map<String, List<MxHost>> table;
    private FileTime readAt;

    /**
     * @param file the table
     * @param fallback asked for domains not in the table and for host names' addresses; null for none
     * @throws IllegalArgumentException if the table cannot be read or parsed
     */
    public StaticMxResolver(Path file, MxResolver fallback) {
        this.file = file;
        this.fallback = fallback;
        try {
            this.readAt = Files.getLastModifiedTime(file);
            this.table = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static MX table " + file, e);
        }
    }

    @Override
    public List<MxHost> resolve(String domain) throws MxLookupException {
        String key = domain.toLowerCase(Locale.ROOT);
        key = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
        List<MxHost> hosts = current().get(key);
        if (hosts == null) {
            if (fallback != null) {
                return fallback.resolve(domain);
            }
            throw MxLookupException.permanent("550 5.1.2 Host or domain name not found (no entry in " + file + ")");
        }
        if (hosts.isEmpty()) {
            throw MxLookupException.permanent(MxLookupException.NULL_MX);
        }
        return hosts;
    }

    @Override
    public List<InetAddress> addresses(MxHost host) throws MxLookupException {
        if (fallback != null && !isIpLiteral(host.host())) {
            return fallback.addresses(host);
        }
        return MxResolver.super.addresses(host);
    }

    private synchronized Map<String, List<MxHost>> current() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                readAt = modified;
                table = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING,
                    "static MX table " + file + " not reloaded, keeping the last one: " + e.getMessage());
        }
        return table;
    }

    static Map<String, List<MxHost>> parse(List<String> lines) {
        Map<String, List<MxHost>> out = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            String[] columns = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
            if (columns.length == 1 && columns[0].isEmpty()) {
                continue;
            }
            if (columns.length < 2) {
                throw new IllegalArgumentException("line " + (n + 1) + ": expected 'domain  host[:port] ...'");
            }
            List<MxHost> hosts = new ArrayList<>();
            if (!(columns.length == 2 && columns[1].equals("."))) {
                for (int i = 1; i < columns.length; i++) {
                    hosts.add(host(columns[i], i * PREFERENCE_STEP, n + 1));
                }
            }
            String domain = columns[0].toLowerCase(Locale.ROOT);
            if (out.putIfAbsent(domain, List.copyOf(hosts)) != null) {
                throw new IllegalArgumentException("line " + (n + 1) + ": duplicate entry for " + domain);
            }
        }
        return Map.copyOf(out);
    }

    private static MxHost host(String spec, int preference, int line) {
        String host = spec;
        String port = null;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0 || (close + 1 < spec.length() && spec.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("line " + line + ": bad host " + spec);
            }
            host = spec.substring(1, close);
            port = close + 1 < spec.length() ? spec.substring(close + 2) : null;
        } else if (spec.indexOf(':') >= 0) {
            host = spec.substring(0, spec.indexOf(':'));
            port = spec.substring(spec.indexOf(':') + 1);
        }
        if (host.isEmpty() || (port != null && !port.matches("[0-9]{1,5}"))) {
            throw new IllegalArgumentException("line " + line + ": bad host " + spec);
        }
        return new MxHost(host.toLowerCase(Locale.ROOT), preference, port == null
                ? MxHost.SMTP_PORT
                : Integer.parseInt(port));
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }
}
