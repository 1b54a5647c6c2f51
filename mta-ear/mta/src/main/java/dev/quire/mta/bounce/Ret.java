package dev.quire.mta.bounce;

/** How much of the original message a notification returns (RFC 3461 section 4.3, the {@code RET} parameter). */
public enum Ret {
    /** The whole message, as {@code message/rfc822}. */
    FULL,
    /** Only its header section, as {@code text/rfc822-headers}. */
    HDRS
}
