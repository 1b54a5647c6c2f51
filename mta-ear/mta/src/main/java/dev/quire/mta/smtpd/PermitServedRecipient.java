package dev.quire.mta.smtpd;

import java.net.InetAddress;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mta.routing.Resolution;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.RoutingUnavailableException;

/**
 * Recipients in domains we serve: OK when the router knows them, 550 5.1.1 when it does not, 451 4.3.0
 * when the routing tables cannot be read (never 550 for our own fault). Other domains: DUNNO.
 */
public final class PermitServedRecipient implements RecipientCheck {
    static final Reply UNAVAILABLE = new Reply(451, "4.3.0", "Temporary lookup failure; try again later");

    private final Router router;

    public PermitServedRecipient(Router router) {
        this.router = router;
    }

    @Override
    public Verdict check(InetAddress client, EmailAddress recipient) {
        try {
            Resolution r = router.resolve(recipient);
            if (r instanceof Resolution.Deliverable) {
                return Verdict.OK;
            }
            if (r instanceof Resolution.NoSuchUser) {
                return new Verdict.Reject(
                        new Reply(550, "5.1.1", "<" + recipient + ">: Recipient address rejected: User unknown"));
            }
            return Verdict.DUNNO;
        } catch (RoutingUnavailableException e) {
            return new Verdict.Defer(UNAVAILABLE);
        }
    }
}
