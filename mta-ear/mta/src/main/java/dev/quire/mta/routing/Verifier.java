package dev.quire.mta.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.domain.DomainRepository;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.delivery.NextHop;
import dev.quire.mta.delivery.Transports;

/**
 * {@code verify ADDRESS}, in the manner of {@code sendmail -bv}: for each final route of an address, one line
 * saying which mailer delivers it, to which host and user, or why not. An unqualified name gets the default
 * domain ({@code quire.domain}, else the first local domain).
 */
@ApplicationScoped
public class Verifier {
    @Inject
    Router router;

    @Inject
    Transports transports;

    @Inject
    DomainRepository domains;

    @Inject
    MtaSettings settings;

    /**
     * One verification line.
     *
     * @param address the address as given
     * @param deliverable whether mail to it would be delivered
     * @param line the sendmail-style line, e.g. {@code rt... deliverable: mailer local, user rt}
     */
    public record Line(String address, boolean deliverable, String line) {
    }

    public List<Line> verify(String input) {
        String given = input.strip();
        EmailAddress address;
        try {
            address = EmailAddress.parse(given.contains("@") ? given : given + "@" + defaultDomain(), true);
        } catch (InvalidAddressException e) {
            return List.of(new Line(given, false, given + "... Syntax error: " + e.getMessage()));
        }
        List<Line> lines = new ArrayList<>();
        try {
            for (Route r : router.routes(address)) {
                lines.add(line(given, r));
            }
        } catch (RoutingUnavailableException e) {
            lines.add(new Line(given, false, given + "... Deferred: routing tables unavailable"));
        }
        return lines;
    }

    private Line line(String given, Route route) {
        if (route instanceof Route.Deliver d) {
            String text = switch (d.addressClass()) {
                case LOCAL -> "mailer local, user " + d.address().localPart();
                case LIST -> "mailer list, list " + d.address();
                case REMOTE -> remote(d.address());
            };
            return new Line(given, true, given + "... deliverable: " + text);
        }
        if (route instanceof Route.Pipe p) {
            return new Line(given, true, given + "... deliverable: mailer prog, user \"|" + p.command() + "\"");
        }
        if (route instanceof Route.FileAppend f) {
            return new Line(given, true, given + "... deliverable: mailer *file*, user " + f.path());
        }
        if (route instanceof Route.Discard) {
            return new Line(given, true, given + "... deliverable: mailer discard (alias :blackhole:)");
        }
        if (route instanceof Route.Defer d) {
            return new Line(given, false, given + "... Deferred: " + reason(d.reply().text()));
        }
        Route.Refuse r = (Route.Refuse) route;
        String text = r.isUnknownUser() ? "No such user" : reason(r.reply().text());
        return new Line(given, false, given + "... " + text);
    }

    /** A reply text without the {@code <address>: } that SMTP replies begin with. */
    private static String reason(String replyText) {
        return replyText.replaceFirst("^<[^>]*>: ", "");
    }

    private String remote(EmailAddress address) {
        NextHop hop = transports.nextHop(AddressClass.REMOTE, address);
        String host = hop.host() == null
                ? "(none: no transport entry or smarthost; mail would wait in the queue)"
                : hop.describeHost();
        return "mailer esmtp, host " + host + ", user " + address;
    }

    private String defaultDomain() {
        Optional<String> configured = settings.defaultDomain();
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            return domains.firstLocal().orElse(settings.hostname());
        } catch (RuntimeException e) {
            return settings.hostname();
        }
    }
}
