package dev.quire.mail.smtp;

import java.util.Objects;

/** The outcome of an {@link Authenticator} call. */
public sealed interface AuthResult {

    /**
     * The credentials are valid.
     *
     * @param identity the authenticated identity the session reports from then on, e.g. the canonical user name
     */
    record Success(String identity) implements AuthResult {
        /** Requires a non-empty identity. */
        public Success {
            Objects.requireNonNull(identity, "identity");
            if (identity.isEmpty()) {
                throw new IllegalArgumentException("empty identity");
            }
        }
    }

    /** The credentials are wrong; the client gets {@code 535 5.7.8} and the failure counts against its address. */
    record Failure() implements AuthResult {
    }

    /**
     * The credentials could not be checked now (directory down); the client gets {@code 454 4.7.0}.
     *
     * @param reason for the log only; never sent to the client
     */
    record TemporaryFailure(String reason) implements AuthResult {
        /** Requires a reason. */
        public TemporaryFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
