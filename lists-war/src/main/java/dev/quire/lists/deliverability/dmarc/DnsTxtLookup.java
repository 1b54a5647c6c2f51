package dev.quire.lists.deliverability.dmarc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** TXT lookups with dnsjava, through given servers ({@code host} or {@code host:port}) or the system's. */
public final class DnsTxtLookup implements TxtLookup {
    private final Resolver resolver;

    public DnsTxtLookup(List<String> servers) throws IOException {
        if (servers.isEmpty()) {
            this.resolver = Lookup.getDefaultResolver();
        } else {
            List<Resolver> each = new ArrayList<>();
            for (String s : servers) {
                int colon = s.lastIndexOf(':');
                boolean withPort = colon > 0 && s.indexOf(':') == colon;
                SimpleResolver r = new SimpleResolver(new InetSocketAddress(withPort ? s.substring(0, colon) : s,
                        withPort ? Integer.parseInt(s.substring(colon + 1)) : 53));
                each.add(r);
            }
            ExtendedResolver extended = new ExtendedResolver(each);
            extended.setTimeout(Duration.ofSeconds(3));
            this.resolver = extended;
        }
    }

    @Override
    public List<String> txt(String name) throws IOException {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name, Name.root), Type.TXT);
        } catch (TextParseException e) {
            return List.of();
        }
        lookup.setResolver(resolver);
        lookup.setCache(null);
        Record[] records = lookup.run();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL :
                List<String> out = new ArrayList<>();
                for (Record r : records) {
                    out.add(String.join("", ((TXTRecord) r).getStrings()));
                }
                return out;
            case Lookup.HOST_NOT_FOUND :
            case Lookup.TYPE_NOT_FOUND :
                return List.of();
            default :
                throw new IOException("TXT " + name + ": " + lookup.getErrorString());
        }
    }
}
