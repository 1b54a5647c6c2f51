package dev.quire.mta.smtpd;

import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;

/** Accepts mail for the relay domains (Postfix's {@code relay_domains}) from anyone, to forward it. */
public final class PermitRelayDomains implements RecipientCheck {
    private final Router router;

    public PermitRelayDomains(Router router) {
        this.router = router;
    }

    @Override
    public Verdict check(RecipientRequest request) {
        try {
            return router.isRelayDomain(request.recipient().domain()) ? Verdict.OK : Verdict.DUNNO;
        } catch (RoutingUnavailableException e) {
            return new Verdict.Defer(PermitServedRecipient.UNAVAILABLE);
        }
    }
}
