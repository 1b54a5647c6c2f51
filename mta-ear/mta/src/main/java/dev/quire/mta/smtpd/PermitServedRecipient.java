package dev.quire.mta.smtpd;

import java.util.List;

import dev.quire.mail.smtp.Reply;
import dev.quire.mta.routing.Route;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;

/**
 * Recipients in domains we serve: OK when routing finds somewhere to deliver, the alias's own reply for
 * {@code :fail:} and {@code :defer:}, {@code 550 5.1.1} for nobody, and {@code 451 4.3.0} when the routing
 * tables cannot be read (never a 5xx for our own fault). Other domains: DUNNO, for the relay checks.
 */
public final class PermitServedRecipient implements RecipientCheck {
    static final Reply UNAVAILABLE = new Reply(451, "4.3.0", "Temporary lookup failure; try again later");

    private final Router router;

    public PermitServedRecipient(Router router) {
        this.router = router;
    }

    @Override
    public Verdict check(RecipientRequest request) {
        try {
            if (!router.servesDomain(request.recipient().domain())) {
                return Verdict.DUNNO;
            }
            List<Route> routes = router.routes(request.recipient());
            for (Route r : routes) {
                if (r instanceof Route.Defer d) {
                    return new Verdict.Defer(d.reply());
                }
            }
            for (Route r : routes) {
                if (!(r instanceof Route.Refuse)) {
                    return Verdict.OK;
                }
            }
            return new Verdict.Reject(((Route.Refuse) routes.get(0)).reply());
        } catch (RoutingUnavailableException e) {
            return new Verdict.Defer(UNAVAILABLE);
        }
    }
}
