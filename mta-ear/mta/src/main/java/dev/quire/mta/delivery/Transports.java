package dev.quire.mta.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.routing.AddressClass;
import dev.quire.mta.routing.table.RoutingTables;
import dev.quire.mta.routing.table.TransportRoute;

/**
 * Picks the next hop of an address from its class, as Postfix's transport and relayhost settings do: local
 * mailboxes go to Maildir, list addresses over LMTP to the list engine, remote addresses to the host the
 * transport table names for their domain, else to the smarthost, else nowhere yet (deferred).
 */
@ApplicationScoped
public class Transports {
    @Inject
    MtaSettings settings;

    @Inject
    RoutingTables tables;

    public NextHop nextHop(AddressClass cls, EmailAddress address) {
        return switch (cls) {
            case LOCAL -> NextHop.LOCAL;
            case LIST -> new NextHop("lmtp", settings.lmtpHost(), settings.lmtpPort(), true);
            case REMOTE -> remote(address.domain());
        };
    }

    private NextHop remote(String domain) {
        Optional<TransportRoute> route = tables.transport().lookup(domain);
        if (route.isPresent()) {
            return new NextHop("smtp", route.get().host(), route.get().port(), route.get().literal());
        }
        return settings.smarthost().map(NextHop::smtp).orElse(NextHop.NONE);
    }

    /** The agent for a next hop, greeting with the given HELO name. */
    public DeliveryAgent agent(NextHop hop, String heloName) {
        return switch (hop.transport()) {
            case "local" -> new MaildirAgent(settings.mailDir(), settings.hostname());
            case "lmtp" -> new SmtpTransactionAgent(hop.host(), hop.port(), true, heloName);
            case "smtp" -> new SmtpTransactionAgent(hop.host(), hop.port(), false, heloName);
            default -> (envelope, message, recipients) -> noRoute(recipients);
        };
    }

    public PipeAgent pipe() {
        return new PipeAgent(settings.pipeAllowed(), settings.pipeTimeout());
    }

    private static Map<EmailAddress, Outcome> noRoute(List<EmailAddress> recipients) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        recipients.forEach(r -> out.put(r, Outcome.retry("no route to " + r.domain()
                + " (no transport entry and no quire.smarthost); mail is deferred")));
        return out;
    }
}
