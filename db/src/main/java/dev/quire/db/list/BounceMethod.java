package dev.quire.db.list;

/** How a bounce named the member: a VERP address, an RFC 3464 report, or a recognized non-standard format. */
public enum BounceMethod {
    VERP, DSN, HEURISTIC
}
