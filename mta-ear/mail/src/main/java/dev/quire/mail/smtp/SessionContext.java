package dev.quire.mail.smtp;

import java.net.InetSocketAddress;
import java.util.Optional;

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

    /** True once the connection is protected by TLS (after STARTTLS, or from the start on an implicit-TLS port). */
    default boolean isTls() {
        return false;
    }

    /** The negotiated protocol and cipher suite, e.g. {@code TLSv1.3 TLS_AES_256_GCM_SHA384}, for trace headers. */
    default Optional<String> tlsDescription() {
        return Optional.empty();
    }

    /** The identity an {@link Authenticator} confirmed through AUTH in this session, if any. */
    default Optional<String> authenticatedUser() {
        return Optional.empty();
    }
}
