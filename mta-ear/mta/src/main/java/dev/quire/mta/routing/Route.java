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
        private static final String USER_UNKNOWN = "Recipient address rejected: User unknown";

        /** The refusal for an address nobody has (Postfix's wording). */
        public static Refuse unknownUser(EmailAddress address) {
            return new Refuse(address, new Reply(550, "5.1.1", "<" + address + ">: " + USER_UNKNOWN));
        }

        /** True when the refusal is that nobody has the address (not an alias's {@code :fail:}). */
        public boolean isUnknownUser() {
            return reply.code() == 550 && reply.text().endsWith(": " + USER_UNKNOWN);
        }
    }

    /** Refuse for now: {@code :defer:}, or an alias whose include file is unusable. */
    record Defer(EmailAddress original, Reply reply) implements Route {
    }
}
