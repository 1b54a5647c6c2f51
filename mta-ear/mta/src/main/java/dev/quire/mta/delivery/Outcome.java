package dev.quire.mta.delivery;

import dev.quire.mail.smtp.Reply;

/**
 * What happened to one recipient in one delivery attempt.
 *
 * @param status delivered, retry later, or failed permanently
 * @param detail the remote reply or local reason, for logs and bounces
 */
public record Outcome(Status status, String detail) {
    public enum Status {
        DELIVERED, RETRY, FAILED
    }

    public static Outcome delivered(String detail) {
        return new Outcome(Status.DELIVERED, detail);
    }

    public static Outcome retry(String detail) {
        return new Outcome(Status.RETRY, detail);
    }

    public static Outcome failed(String detail) {
        return new Outcome(Status.FAILED, detail);
    }

    /** Maps an SMTP or LMTP reply: 2xx delivered, 4xx retry, 5xx failed. */
    public static Outcome of(Reply reply) {
        Status s = reply.isPositive() ? Status.DELIVERED : reply.isTransient() ? Status.RETRY : Status.FAILED;
        return new Outcome(s, reply.toWire());
    }
}
