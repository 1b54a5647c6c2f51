package dev.quire.mta.delivery.mx;

import dev.quire.mta.delivery.Outcome;

/**
 * The exchangers of a domain could not be found: permanently (NXDOMAIN, null MX, no address at all) or for now
 * (SERVFAIL, timeouts). The message is an SMTP reply with an enhanced status code, fit for a bounce.
 */
public class MxLookupException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The RFC 7505 reply for a domain that publishes a null MX. */
    public static final String NULL_MX = "556 5.1.10 Recipient address has null MX";

    private final boolean permanent;

    private MxLookupException(String reply, boolean permanent) {
        super(reply);
        this.permanent = permanent;
    }

    /** A failure that no retry will cure; the reply should be a 5xx one. */
    public static MxLookupException permanent(String reply) {
        return new MxLookupException(reply, true);
    }

    /** A failure that may pass; the reply should be a 4xx one. */
    public static MxLookupException temporary(String reply) {
        return new MxLookupException(reply, false);
    }

    public boolean isPermanent() {
        return permanent;
    }

    /** The outcome for every recipient of the domain. */
    public Outcome outcome() {
        return permanent ? Outcome.failed(getMessage()) : Outcome.retry(getMessage());
    }
}
