package dev.quire.mta.delivery;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.delivery.mx.DnsMxResolver;
import dev.quire.mta.delivery.mx.MxDeliveryAgent;
import dev.quire.mta.delivery.mx.MxResolver;
import dev.quire.mta.delivery.mx.StaticMxResolver;
import dev.quire.mta.routing.AddressClass;
import dev.quire.mta.routing.table.RoutingTables;
import dev.quire.mta.routing.table.TransportRoute;

/**
 * Picks the next hop of an address from its class, as Postfix's transport and relayhost settings do: local
 * mailboxes go to Maildir, list addresses over LMTP to the list engine, remote addresses to the host the
 * transport table names for their domain, else to the smarthost, else to the domain's MX hosts.
 */
@ApplicationScoped
public class Transports {
    /** Comma-separated {@code ip[:port]} of the DNS servers for MX lookups; unset: the system's resolvers. */
    public static final String DNS_SERVERS = "quire.dns.servers";
    /** A static MX table consulted before DNS; unset: DNS only. */
    public static final String DNS_STATIC = "quire.dns.static";

    @Inject
    MtaSettings settings;

    @Inject
    RoutingTables tables;

    private volatile MxResolver mxResolver;
    private ConnectionCache connections;

    @PostConstruct
    void init() {
        connections = new ConnectionCache(settings.connectionCacheIdle(), settings.connectionReuseTime(),
                settings.connectionReuseCount(), settings.deadTime(), settings.connectTimeout());
    }

    /** Forgets the next hops found unreachable, so that the next deliveries try them again (flush, requeue). */
    public void forgetUnreachable() {
        connections.forgetUnreachable();
    }

    @PreDestroy
    void closeConnections() {
        connections.close();
    }

    public NextHop nextHop(AddressClass cls, EmailAddress address) {
        return switch (cls) {
            case LOCAL -> NextHop.LOCAL;
            case LIST -> new NextHop("lmtp", settings.lmtpHost(), settings.lmtpPort(), true);
            case REMOTE -> remote(address.domain().toLowerCase(Locale.ROOT));
        };
    }

    private NextHop remote(String domain) {
        Optional<TransportRoute> route = tables.transport().lookup(domain);
        if (route.isPresent()) {
            return new NextHop("smtp", route.get().host(), route.get().port(), route.get().literal());
        }
        return settings.smarthost().map(NextHop::smtp)
                .orElseGet(() -> settings.mxLookup() ? new NextHop("mx", domain, 25, false) : NextHop.NONE);
    }

    /** The agent for a next hop, greeting with the given HELO name. */
    public DeliveryAgent agent(NextHop hop, String heloName) {
        return switch (hop.transport()) {
            case "local" -> new MaildirAgent(settings.mailDir(), settings.hostname(), settings.maildirLayout());
            case "lmtp" -> new SmtpTransactionAgent(hop.host(), hop.port(), true, heloName, connections);
            case "smtp" -> new SmtpTransactionAgent(hop.host(), hop.port(), false, heloName, connections);
            case "mx" -> new MxDeliveryAgent(mxResolver(), hop.host(), heloName, connections);
            default -> (envelope, message, recipients) -> noRoute(recipients);
        };
    }

    public PipeAgent pipe() {
        return new PipeAgent(settings.pipeAllowed(), settings.pipeTimeout());
    }

    /** The MX resolver from configuration, made on first use: the static table if set, then DNS. */
    MxResolver mxResolver() {
        MxResolver r = mxResolver;
        if (r == null) {
            synchronized (this) {
                r = mxResolver;
                if (r == null) {
                    Config config = ConfigProvider.getConfig();
                    MxResolver dns = config.getOptionalValue(DNS_SERVERS, String.class)
                            .filter(s -> !s.isBlank())
                            .map(s -> DnsMxResolver.servers(s, DnsMxResolver.DEFAULT_TIMEOUT))
                            .orElseGet(DnsMxResolver::system);
                    r = config.getOptionalValue(DNS_STATIC, String.class)
                            .filter(s -> !s.isBlank())
                            .<MxResolver>map(file -> new StaticMxResolver(Path.of(file), dns))
                            .orElse(dns);
                    mxResolver = r;
                }
            }
        }
        return r;
    }

    private static Map<EmailAddress, Outcome> noRoute(List<EmailAddress> recipients) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        recipients.forEach(r -> out.put(r, Outcome.retry("no route to " + r.domain()
                + " (no transport entry, no quire.smarthost, and quire.mx.lookup is off); mail is deferred")));
        return out;
    }
}
