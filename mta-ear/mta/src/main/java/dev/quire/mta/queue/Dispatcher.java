package dev.quire.mta.queue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.delivery.DeliveryAgent;
import dev.quire.mta.delivery.MaildirAgent;
import dev.quire.mta.delivery.Outcome;
import dev.quire.mta.delivery.SmtpTransactionAgent;
import dev.quire.mta.routing.AddressClass;
import dev.quire.mta.routing.Resolution;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;
import dev.quire.mta.spool.Envelope;

/** Routes each pending recipient of a message and hands each address class to its transport. */
@ApplicationScoped
public class Dispatcher {
    @Inject
    Router router;

    @Inject
    MtaSettings settings;

    /** One attempt at every pending recipient; the result has an outcome per original address. */
    public Map<EmailAddress, Outcome> attempt(Envelope envelope, Path message) {
        Map<EmailAddress, Outcome> outcomes = new LinkedHashMap<>();
        Map<AddressClass, List<EmailAddress>> byClass = new EnumMap<>(AddressClass.class);
        Map<EmailAddress, EmailAddress> original = new LinkedHashMap<>();
        for (EmailAddress r : envelope.pending()) {
            try {
                Resolution res = router.resolve(r);
                if (res instanceof Resolution.Deliverable d) {
                    byClass.computeIfAbsent(d.addressClass(), k -> new ArrayList<>()).add(d.recipient());
                    original.put(d.recipient(), r);
                } else if (res instanceof Resolution.NoSuchUser) {
                    outcomes.put(r, Outcome.failed("550 5.1.1 <" + r + ">: User unknown"));
                } else {
                    byClass.computeIfAbsent(AddressClass.REMOTE, k -> new ArrayList<>()).add(r);
                    original.put(r, r);
                }
            } catch (RoutingUnavailableException e) {
                outcomes.put(r, Outcome.retry("451 4.3.0 " + e.getMessage()));
            }
        }
        byClass.forEach((cls, rcpts) -> agent(cls).deliver(envelope, message, rcpts)
                .forEach((rcpt, outcome) -> outcomes.put(original.getOrDefault(rcpt, rcpt), outcome)));
        return outcomes;
    }

    /** The transport for an address class, and a name for the logs. */
    DeliveryAgent agent(AddressClass cls) {
        return switch (cls) {
            case LOCAL -> new MaildirAgent(settings.mailDir(), settings.hostname());
            case LIST -> new SmtpTransactionAgent(settings.lmtpHost(), settings.lmtpPort(), true, settings.hostname());
            case REMOTE -> settings.smarthost()
                    .<DeliveryAgent>map(h -> SmtpTransactionAgent.smtp(h, settings.hostname()))
                    .orElse((env, msg, rcpts) -> noRoute(rcpts));
        };
    }

    private static Map<EmailAddress, Outcome> noRoute(List<EmailAddress> rcpts) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        rcpts.forEach(r -> out.put(r, Outcome.retry("no smarthost configured (quire.smarthost); mail is deferred")));
        return out;
    }
}
