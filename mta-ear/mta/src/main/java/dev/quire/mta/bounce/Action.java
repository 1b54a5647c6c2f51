package dev.quire.mta.bounce;

import java.util.Locale;

/**
 * What happened to one recipient, as the RFC 3464 {@code Action} field names it, and the RFC 3461 {@code NOTIFY}
 * keyword that asks to hear about it.
 */
public enum Action {
    /** Permanent failure; the MTA gave up. */
    FAILED("FAILURE"),
    /** Transient failure; the MTA keeps trying. */
    DELAYED("DELAY"),
    /** Delivered to the recipient's mailbox. */
    DELIVERED("SUCCESS"),
    /** Handed to a system that does not return delivery notifications (RFC 3461 section 6.2.2). */
    RELAYED("SUCCESS"),
    /** Delivered to a list or alias that expanded it to further recipients (RFC 3461 section 6.2.4). */
    EXPANDED("SUCCESS");

    private final String notifyKeyword;

    Action(String notifyKeyword) {
        this.notifyKeyword = notifyKeyword;
    }

    /** The {@code Action} field value: {@code failed}, {@code delayed}, ... */
    public String fieldValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code NOTIFY} keyword that asks for a notification of this action. */
    String notifyKeyword() {
        return notifyKeyword;
    }
}
