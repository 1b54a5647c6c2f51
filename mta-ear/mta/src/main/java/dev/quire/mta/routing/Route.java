package dev.quire.mta.routing;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/** One final outcome of routing a recipient, after aliases: a delivery, a discard, or a refusal. */
public sealed interface Route {
    /** The recipient as the client named it. */
    EmailAddress original();

    /** Deliver to an address through the transport of its class. */
    record Deliver(EmailAddress original, EmailAddress address, AddressClass addressClass) implements Route {
    }

    /** Run a command ({@code |command} alias target). */
    record Pipe(EmailAddress original, String command) implements Route {
    }

    /** Append to a file ({@code /path} alias target). */
    record FileAppend(EmailAddress original, String path) implements Route {
    }

    /** Accept and drop ({@code :blackhole:}). */
    record Discard(EmailAddress original) implements Route {
    }

    /** Refuse for good: no such user, or {@code :fail:}. */
    record Refuse(EmailAddress original, Reply reply) implements Route {
    }

    /** Refuse for now: {@code :defer:}, or an alias whose include file is unusable. */
    record Defer(EmailAddress original, Reply reply) implements Route {
    }
}
