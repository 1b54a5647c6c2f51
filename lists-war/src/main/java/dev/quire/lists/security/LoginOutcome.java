package dev.quire.lists.security;

import java.time.Duration;

/**
 * What a login attempt came to, left on the request for the login page to answer: in, refused, or
 * throttled (with how long to wait).
 */
public record LoginOutcome(Result result, Duration retryAfter) {
    /** The request attribute that carries the outcome. */
    public static final String ATTRIBUTE = LoginOutcome.class.getName();

    public enum Result {
        LOGGED_IN, REFUSED, THROTTLED
    }

    static LoginOutcome loggedIn() {
        return new LoginOutcome(Result.LOGGED_IN, Duration.ZERO);
    }

    static LoginOutcome refused() {
        return new LoginOutcome(Result.REFUSED, Duration.ZERO);
    }

    static LoginOutcome throttled(Duration retryAfter) {
        return new LoginOutcome(Result.THROTTLED, retryAfter);
    }
}
