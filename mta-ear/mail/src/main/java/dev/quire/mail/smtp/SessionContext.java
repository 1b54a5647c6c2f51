package dev.quire.mail.smtp;

import java.net.InetSocketAddress;

/** What a {@link MessageHandler} may know about the connection its transaction arrived on. */
public interface SessionContext {

    /** The peer's address; untrusted for anything but logging and policy lookups. */
    InetSocketAddress remoteAddress();

    /** The local address the peer connected to. */
    InetSocketAddress localAddress();

    /** The name the peer gave in HELO, EHLO or LHLO; unverified. */
    String heloName();

    /** True if the session speaks LMTP. */
    boolean isLmtp();

    /** A short random identifier for logs and trace headers. */
    String sessionId();
}
