package dev.quire.lists.security;

import java.io.Serializable;
import java.time.Instant;

/** What a logged-in session remembers: who, and since when (for the session's absolute lifetime). */
record SessionLogin(String username, Instant since) implements Serializable {
    /** The session attribute. */
    static final String ATTRIBUTE = "quire.login";
}
