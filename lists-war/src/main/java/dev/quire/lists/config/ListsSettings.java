package dev.quire.lists.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.mail.LocalHost;

/** Every setting the list engine reads, with its default. */
@ApplicationScoped
public class ListsSettings {
    @Inject
    @ConfigProperty(name = "quire.hostname")
    Optional<String> hostname;

    @Inject
    @ConfigProperty(name = "quire.lmtp.bind", defaultValue = "127.0.0.1")
    String lmtpBind;

    @Inject
    @ConfigProperty(name = "quire.lmtp.port", defaultValue = "8024")
    int lmtpPort;

    @Inject
    @ConfigProperty(name = "quire.internal.host", defaultValue = "127.0.0.1")
    String mtaHost;

    @Inject
    @ConfigProperty(name = "quire.internal.port", defaultValue = "2526")
    int mtaPort;

    @Inject
    @ConfigProperty(name = "quire.smtp.maxsize", defaultValue = "26214400")
    long maxMessageSize;

    @Inject
    @ConfigProperty(name = "quire.web.base-url")
    Optional<String> webBaseUrl;

    @Inject
    @ConfigProperty(name = "quire.http.port", defaultValue = "8080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "quire.bounce.guard.min-members", defaultValue = "5")
    int bounceGuardMinMembers;

    @Inject
    @ConfigProperty(name = "quire.bounce.guard.list-share", defaultValue = "0.10")
    double bounceGuardListShare;

    @Inject
    @ConfigProperty(name = "quire.bounce.guard.domain-share", defaultValue = "0.5")
    double bounceGuardDomainShare;

    /**
     * Where the web side is reached from outside, without a trailing slash: the base of Archived-At URLs.
     * Defaults to {@code http://<hostname>:<quire.http.port>}.
     */
    public String webBaseUrl() {
        String base = webBaseUrl.filter(u -> !u.isBlank()).orElseGet(() -> "http://" + hostname() + ":" + httpPort);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The outage guard holds bounce scores once this many members bounced within a day (and a share). */
    public int bounceGuardMinMembers() {
        return bounceGuardMinMembers;
    }

    /** The share of a list's members bouncing within a day that counts as an outage. */
    public double bounceGuardListShare() {
        return bounceGuardListShare;
    }

    /** The share of one domain's members on a list bouncing within a day that counts as that domain's outage. */
    public double bounceGuardDomainShare() {
        return bounceGuardDomainShare;
    }

    @Inject
    @ConfigProperty(name = "quire.lists.pending.expiry", defaultValue = "P3D")
    String pendingExpiry;

    public String hostname() {
        return hostname.filter(h -> !h.isBlank()).orElseGet(LocalHost::name);
    }

    public String lmtpBind() {
        return lmtpBind;
    }

    public int lmtpPort() {
        return lmtpPort;
    }

    /** Where outgoing list mail is handed to the MTA (its internal listener). */
    public String mtaHost() {
        return mtaHost;
    }

    public int mtaPort() {
        return mtaPort;
    }

    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** How long a confirmation or approval token of a subscription request stays valid (ISO-8601). */
    public java.time.Duration pendingExpiry() {
        return java.time.Duration.parse(pendingExpiry);
    }
}
