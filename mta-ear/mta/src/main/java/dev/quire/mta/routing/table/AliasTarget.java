package dev.quire.mta.routing.table;

import java.nio.file.Path;
import java.util.Objects;

import dev.quire.mail.EmailAddress;

/**
 * One target of an alias, in the vocabulary of aliases(5) and James' recipient rewriting. {@code :include:}
 * files are expanded before a caller sees targets, so there is no include target.
 */
public sealed interface AliasTarget {

    /** Deliver to this address (which the resolver expands further unless it is final). */
    record Address(EmailAddress address) implements AliasTarget {
        public Address {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String toString() {
            return address.mailbox();
        }
    }

    /** {@code :fail: text}: refuse permanently; the RCPT answer is {@link #reply()}. */
    record Fail(String text) implements AliasTarget {
        public Fail {
            Objects.requireNonNull(text, "text");
        }

        /** The SMTP reply for RCPT: {@code 550 5.1.1 text}. */
        public String reply() {
            return "550 5.1.1 " + text;
        }

        @Override
        public String toString() {
            return ":fail: " + text;
        }
    }

    /** {@code :defer: text}: refuse temporarily; the RCPT answer is {@link #reply()}. */
    record Defer(String text) implements AliasTarget {
        public Defer {
            Objects.requireNonNull(text, "text");
        }

        /** The SMTP reply for RCPT: {@code 451 4.3.0 text}. */
        public String reply() {
            return "451 4.3.0 " + text;
        }

        @Override
        public String toString() {
            return ":defer: " + text;
        }
    }

    /** {@code :blackhole:}: accept and discard. */
    record Blackhole() implements AliasTarget {
        @Override
        public String toString() {
            return ":blackhole:";
        }
    }

    /** {@code |command args}: pipe the message to a command (run by the delivery agent, never by the tables). */
    record Pipe(String command) implements AliasTarget {
        public Pipe {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String toString() {
            return "|" + command;
        }
    }

    /** {@code /absolute/path}: append the message to a file. */
    record FileAppend(Path path) implements AliasTarget {
        public FileAppend {
            Objects.requireNonNull(path, "path");
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("file target must be an absolute path: " + path);
            }
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }
}
