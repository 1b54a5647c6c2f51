package dev.quire.mta.smtpd;

import dev.quire.mail.smtp.Reply;

/** A policy check's answer, as Postfix's restrictions: OK ends the checks, DUNNO passes to the next. */
public sealed interface Verdict {
    Verdict OK = new Ok();
    Verdict DUNNO = new Dunno();

    record Ok() implements Verdict {
    }

    record Dunno() implements Verdict {
    }

    /** A temporary refusal (4xx): the client should try again later. */
    record Defer(Reply reply) implements Verdict {
    }

    /** A permanent refusal (5xx). */
    record Reject(Reply reply) implements Verdict {
    }
}
