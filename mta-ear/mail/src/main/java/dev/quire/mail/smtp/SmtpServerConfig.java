package dev.quire.mail.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Immutable settings of one {@link SmtpServer}; build with {@link #builder()}. */
public final class SmtpServerConfig {

    private final String bindAddress;
    private final int port;
    private final String hostname;
    private final boolean lmtp;
    private final long maxMessageSize;
    private final int maxRecipients;
    private final int maxConnections;
    private final Duration idleTimeout;
    private final int maxErrors;
    private final List<String> extraEhloKeywords;
    private final String greeting;
    private final SSLContext tls;
    private final boolean implicitTls;
    private final boolean requireTls;
    private final Authenticator authenticator;
    private final boolean allowAuthWithoutTls;
    private final boolean requireAuth;
    private final int maxConnectionsPerClient;
    private final int maxAuthFailures;
    private final Duration authFailureWindow;
    private final Duration authFailureDelay;

    private SmtpServerConfig(Builder b) {
        bindAddress = b.bindAddress;
        port = b.port;
        hostname = b.hostname;
        lmtp = b.lmtp;
        maxMessageSize = b.maxMessageSize;
        maxRecipients = b.maxRecipients;
        maxConnections = b.maxConnections;
        idleTimeout = b.idleTimeout;
        maxErrors = b.maxErrors;
        extraEhloKeywords = List.copyOf(b.extraEhloKeywords);
        greeting = b.greeting != null ? b.greeting : (b.lmtp ? "LMTP Quire" : "ESMTP Quire");
        tls = b.tls;
        implicitTls = b.implicitTls;
        requireTls = b.requireTls;
        authenticator = b.authenticator;
        allowAuthWithoutTls = b.allowAuthWithoutTls;
        requireAuth = b.requireAuth;
        maxConnectionsPerClient = b.maxConnectionsPerClient;
        maxAuthFailures = b.maxAuthFailures;
        authFailureWindow = b.authFailureWindow;
        authFailureDelay = b.authFailureDelay;
        if (tls == null && (implicitTls || requireTls)) {
            throw new IllegalStateException("implicitTls and requireTls need tls(SSLContext)");
        }
        if (authenticator == null && requireAuth) {
            throw new IllegalStateException("requireAuth needs an authenticator");
        }
    }

    /** A builder with the defaults: 127.0.0.1, ephemeral port, SMTP, 25 MiB, 1000 recipients, 100 connections. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address to bind, default {@code 127.0.0.1}. */
    public String bindAddress() {
        return bindAddress;
    }

    /** The port to bind; 0 picks an ephemeral port. */
    public int port() {
        return port;
    }

    /** The name in the banner, EHLO reply and the domain of a bare {@code <postmaster>}. */
    public String hostname() {
        return hostname;
    }

    /** True to speak LMTP instead of SMTP. */
    public boolean lmtp() {
        return lmtp;
    }

    /** Largest accepted message in octets, advertised as SIZE. */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** Accepted recipients per transaction; further RCPTs get {@code 452 4.5.3}. */
    public int maxRecipients() {
        return maxRecipients;
    }

    /** Concurrent sessions; further connections get {@code 421 4.7.0} and are closed. */
    public int maxConnections() {
        return maxConnections;
    }

    /** How long a session may wait for the client before {@code 421 4.4.2}. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Bad commands tolerated per session; the next one gets {@code 421 4.7.0} and the session ends. */
    public int maxErrors() {
        return maxErrors;
    }

    /** Extra keywords advertised after the standard ones, e.g. {@code XVERP}. */
    public List<String> extraEhloKeywords() {
        return extraEhloKeywords;
    }

    /** The banner text after the hostname, default {@code ESMTP Quire} or {@code LMTP Quire}. */
    public String greeting() {
        return greeting;
    }

    /** The TLS context when STARTTLS (or implicit TLS) is offered. */
    public Optional<SSLContext> tls() {
        return Optional.ofNullable(tls);
    }

    /** True if every connection starts with a TLS handshake before the banner (port 465). */
    public boolean implicitTls() {
        return implicitTls;
    }

    /** True if MAIL, VRFY and AUTH are refused with {@code 530 5.7.0} until TLS is active. */
    public boolean requireTls() {
        return requireTls;
    }

    /** The AUTH credential check; empty means AUTH is neither advertised nor accepted. */
    public Optional<Authenticator> authenticator() {
        return Optional.ofNullable(authenticator);
    }

    /** True if AUTH is also offered on connections without TLS (internal and test use only). */
    public boolean allowAuthWithoutTls() {
        return allowAuthWithoutTls;
    }

    /** True if MAIL is refused with {@code 530 5.7.0} until AUTH succeeded (submission). */
    public boolean requireAuth() {
        return requireAuth;
    }

    /** Concurrent sessions from one client address; further ones get {@code 421 4.7.0}, default 20. */
    public int maxConnectionsPerClient() {
        return maxConnectionsPerClient;
    }

    /** Failed AUTH attempts from one address within {@link #authFailureWindow()} before AUTH is refused, default 5. */
    public int maxAuthFailures() {
        return maxAuthFailures;
    }

    /** How long a failed AUTH counts against the client address, default 15 minutes. */
    public Duration authFailureWindow() {
        return authFailureWindow;
    }

    /** How long the reply to a failed AUTH is held back, default 1 second. */
    public Duration authFailureDelay() {
        return authFailureDelay;
    }

    /** Builder for {@link SmtpServerConfig}; every setter validates its argument. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private String hostname = "localhost";
        private boolean lmtp;
        private long maxMessageSize = 25L * 1024 * 1024;
        private int maxRecipients = 1000;
        private int maxConnections = 100;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private int maxErrors = 10;
        private final List<String> extraEhloKeywords = new ArrayList<>();
        private String greeting;
        private SSLContext tls;
        private boolean implicitTls;
        private boolean requireTls;
        private Authenticator authenticator;
        private boolean allowAuthWithoutTls;
        private boolean requireAuth;
        private int maxConnectionsPerClient = 20;
        private int maxAuthFailures = 5;
        private Duration authFailureWindow = Duration.ofMinutes(15);
        private Duration authFailureDelay = Duration.ofSeconds(1);

        private Builder() {
        }

        /** Address to bind. */
        public Builder bindAddress(String value) {
            bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /** Port to bind, 0 for ephemeral. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            port = value;
            return this;
        }

        /** Hostname for banner and EHLO. */
        public Builder hostname(String value) {
            hostname = requireToken(value, "hostname");
            return this;
        }

        /** LMTP instead of SMTP. */
        public Builder lmtp(boolean value) {
            lmtp = value;
            return this;
        }

        /** Maximum message size in octets. */
        public Builder maxMessageSize(long value) {
            maxMessageSize = requirePositive(value, "maxMessageSize");
            return this;
        }

        /** Maximum accepted recipients per transaction. */
        public Builder maxRecipients(int value) {
            maxRecipients = (int) requirePositive(value, "maxRecipients");
            return this;
        }

        /** Maximum concurrent sessions. */
        public Builder maxConnections(int value) {
            maxConnections = (int) requirePositive(value, "maxConnections");
            return this;
        }

        /** Idle timeout per read. */
        public Builder idleTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("idleTimeout must be positive");
            }
            idleTimeout = value;
            return this;
        }

        /** Bad commands tolerated per session. */
        public Builder maxErrors(int value) {
            maxErrors = (int) requirePositive(value, "maxErrors");
            return this;
        }

        /** Adds an extra EHLO keyword line such as {@code XVERP}. */
        public Builder extraEhloKeyword(String value) {
            requirePrintable(value, "EHLO keyword");
            if (value.isBlank()) {
                throw new IllegalArgumentException("blank EHLO keyword");
            }
            extraEhloKeywords.add(value);
            return this;
        }

        /** Banner text after the hostname. */
        public Builder greeting(String value) {
            greeting = requirePrintable(value, "greeting");
            return this;
        }

        /** Offers STARTTLS (RFC 3207) with this context; the server's certificate comes from its key managers. */
        public Builder tls(SSLContext value) {
            tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /** Handshakes right after accept, before the banner (RFC 8314, port 465); needs {@link #tls}. */
        public Builder implicitTls(boolean value) {
            implicitTls = value;
            return this;
        }

        /** Refuses MAIL, VRFY and AUTH with {@code 530 5.7.0} before STARTTLS; needs {@link #tls}. */
        public Builder requireTls(boolean value) {
            requireTls = value;
            return this;
        }

        /** Offers AUTH PLAIN and LOGIN (RFC 4954), by default only over TLS. */
        public Builder authenticator(Authenticator value) {
            authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /** Also offers AUTH on connections without TLS; for loopback hand-off and tests only. */
        public Builder allowAuthWithoutTls(boolean value) {
            allowAuthWithoutTls = value;
            return this;
        }

        /** Refuses MAIL with {@code 530 5.7.0} before a successful AUTH; needs an {@link #authenticator}. */
        public Builder requireAuth(boolean value) {
            requireAuth = value;
            return this;
        }

        /** Maximum concurrent sessions from one client address. */
        public Builder maxConnectionsPerClient(int value) {
            maxConnectionsPerClient = (int) requirePositive(value, "maxConnectionsPerClient");
            return this;
        }

        /** Failed AUTH attempts from one address within the window before further AUTH gets {@code 454 4.7.0}. */
        public Builder maxAuthFailures(int value) {
            maxAuthFailures = (int) requirePositive(value, "maxAuthFailures");
            return this;
        }

        /** How long a failed AUTH counts against its client address. */
        public Builder authFailureWindow(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("authFailureWindow must be positive");
            }
            authFailureWindow = value;
            return this;
        }

        /** How long the reply to a failed AUTH is held back; zero for none. */
        public Builder authFailureDelay(Duration value) {
            if (value == null || value.isNegative() || value.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("authFailureDelay must not be negative");
            }
            authFailureDelay = value;
            return this;
        }

        /** The immutable configuration. */
        public SmtpServerConfig build() {
            return new SmtpServerConfig(this);
        }

        private static long requirePositive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        private static String requireToken(String value, String name) {
            requirePrintable(value, name);
            if (value.isEmpty() || value.indexOf(' ') >= 0) {
                throw new IllegalArgumentException(name + " must be one non-empty token");
            }
            return value;
        }

        private static String requirePrintable(String value, String name) {
            Objects.requireNonNull(value, name);
            if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(name + " must be printable ASCII");
            }
            return value;
        }
    }
}
