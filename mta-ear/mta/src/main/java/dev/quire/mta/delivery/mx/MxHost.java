package dev.quire.mta.delivery.mx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One mail exchanger of a domain.
 *
 * @param host its host name (lower case, no trailing dot) or IP address
 * @param preference the MX preference; lower is tried first
 * @param port the SMTP port, 25 for hosts from DNS
 */
public record MxHost(String host, int preference, int port) {
    public static final int SMTP_PORT = 25;

    public MxHost {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("MX host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port " + port);
        }
    }

    /** An exchanger on port 25. */
    public static MxHost of(String host, int preference) {
        return new MxHost(host, preference, SMTP_PORT);
    }

    /** The hosts in the order RFC 5321 5.1 asks: by preference, equal preferences in random order. */
    public static List<MxHost> ordered(List<MxHost> hosts, Random random) {
        List<MxHost> out = new ArrayList<>(hosts);
        Collections.shuffle(out, random);
        out.sort(Comparator.comparingInt(MxHost::preference));
        return List.copyOf(out);
    }

    /** {@code host:port}, the port only when not 25. */
    public String describe() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == SMTP_PORT ? h : h + ":" + port;
    }
}
