package dev.quire.mta.delivery.mx;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.delivery.ConnectionCache;
import dev.quire.mta.delivery.DeliveryAgent;
import dev.quire.mta.delivery.Outcome;
import dev.quire.mta.delivery.SmtpTransactionAgent;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.MessageBody;

/**
 * Delivers to a domain's mail exchangers, looked up at delivery time: each address of each host in MX order
 * until one answers the transaction (RFC 5321 5.1 and 4.5.4.1). An unreachable host, or one that refuses the
 * greeting or EHLO, passes the turn to the next; the first that replies to MAIL FROM decides, its 5xx being
 * final for the recipients it names. If none answers, everyone is retried later.
 */
public final class MxDeliveryAgent implements DeliveryAgent {
    /** Addresses tried per attempt, as Postfix's {@code smtp_mx_address_limit}. */
    static final int ADDRESS_LIMIT = 5;

    private final MxResolver resolver;
    private final String domain;
    private final String heloName;
    private final ConnectionCache cache;

    public MxDeliveryAgent(MxResolver resolver, String domain, String heloName, ConnectionCache cache) {
        this.resolver = resolver;
        this.domain = domain;
        this.heloName = heloName;
        this.cache = cache;
    }

    @Override
    public Map<EmailAddress, Outcome> deliver(Envelope envelope, MessageBody message, List<EmailAddress> recipients) {
        if (recipients.isEmpty()) {
            return Map.of();
        }
        List<MxHost> hosts;
        try {
            hosts = resolver.resolve(domain);
        } catch (MxLookupException e) {
            return all(recipients, e.outcome());
        }
        String lastError = "no MX host of " + domain + " has an address";
        int tried = 0;
        for (MxHost mx : hosts) {
            List<InetAddress> addresses;
            try {
                addresses = resolver.addresses(mx);
            } catch (MxLookupException e) {
                lastError = mx.host() + ": " + e.getMessage();
                continue;
            }
            for (InetAddress address : addresses) {
                if (tried++ == ADDRESS_LIMIT) {
                    return all(recipients, Outcome.retry("451 4.4.1 no MX host of " + domain + " answered in "
                            + ADDRESS_LIMIT + " tries; last: " + lastError));
                }
                SmtpTransactionAgent.Attempt attempt = SmtpTransactionAgent.smtp(mx.host(), address, mx.port(),
                        heloName, cache).attempt(envelope, message, recipients);
                if (attempt.answered()) {
                    return attempt.outcomes();
                }
                lastError = attempt.outcomes().values().iterator().next().detail();
            }
        }
        return all(recipients, Outcome.retry("451 4.4.1 no MX host of " + domain + " answered; last: "
                + lastError));
    }

    private static Map<EmailAddress, Outcome> all(List<EmailAddress> recipients, Outcome outcome) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        recipients.forEach(r -> out.put(r, outcome));
        return out;
    }
}
