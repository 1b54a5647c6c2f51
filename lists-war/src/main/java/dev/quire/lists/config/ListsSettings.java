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

    @Inject
    @ConfigProperty(name = "quire.smtp.maxrcpt", defaultValue = "1000")
    int maxRecipients;

    @Inject
    @ConfigProperty(name = "quire.lists.fanout.sessions", defaultValue = "4")
    int fanoutSessions;

    @Inject
    @ConfigProperty(name = "quire.lists.verp", defaultValue = "false")
    boolean verp;

    @Inject
    @ConfigProperty(name = "quire.web.url")
    Optional<String> webUrl;

    @Inject
    @ConfigProperty(name = "quire.data.dir", defaultValue = "./var")
    String dataDir;

    @Inject
    @ConfigProperty(name = "quire.mta.admin.url")
    Optional<String> mtaAdminUrl;

    @Inject
    @ConfigProperty(name = "quire.mta.admin.token-file")
    Optional<String> mtaAdminTokenFile;

    @Inject
    @ConfigProperty(name = "quire.unsubscribe.secret")
    Optional<String> unsubscribeSecret;

    @Inject
    @ConfigProperty(name = "quire.unsubscribe.lifetime", defaultValue = "P90D")
    java.time.Duration unsubscribeLifetime;

    @Inject
    @ConfigProperty(name = "quire.dns.servers")
    Optional<String> dnsServers;

    @Inject
    @ConfigProperty(name = "quire.dmarc.static")
    Optional<String> dmarcStatic;

    @Inject
    @ConfigProperty(name = "quire.arc.enabled", defaultValue = "true")
    boolean arcEnabled;

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

    /** Recipients per transaction the MTA accepts (its own setting), so hand-offs are split to fit. */
    public int maxRecipients() {
        return maxRecipients;
    }

    /**
     * Whether non-personalized lists ask the MTA for VERP (XVERP) on their one hand-off; personalized lists
     * always send from VERP addresses.
     */
    public boolean verp() {
        return verp;
    }

    /** SMTP sessions a personalized post is handed to the MTA over, in parallel. */
    public int fanoutSessions() {
        return fanoutSessions;
    }

    /**
     * The public base URL of the web side (no trailing slash), for archive, unsubscribe and reset links;
     * {@code quire.web.url}, by default {@code http://<hostname>:<quire.http.port>}.
     */
    public String webUrl() {
        String url = webUrl.filter(u -> !u.isBlank()).orElseGet(() -> "http://" + hostname() + ":" + httpPort);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public java.nio.file.Path dataDir() {
        return java.nio.file.Path.of(dataDir);
    }

    /**
     * The MTA's admin API, as {@code quire queue} finds it: by default the MTA in the same Payara
     * ({@code http://127.0.0.1:<quire.http.port>/mta/api}); {@code quire.mta.admin.url} when it runs on another
     * host. Ends in a slash.
     */
    public java.net.URI mtaAdminUrl() {
        String u = mtaAdminUrl.filter(s -> !s.isBlank()).orElse("http://127.0.0.1:" + httpPort + "/mta/api");
        return java.net.URI.create(u.endsWith("/") ? u : u + "/");
    }

    /**
     * The MTA's admin token file: by default the one it writes to {@code <quire.data.dir>/run/admin-token};
     * {@code quire.mta.admin.token-file} holds a copy when the MTA runs elsewhere.
     */
    public java.nio.file.Path mtaAdminTokenFile() {
        return mtaAdminTokenFile.filter(s -> !s.isBlank()).map(java.nio.file.Path::of)
                .orElse(dataDir().resolve("run").resolve("admin-token"));
    }

    /** The site secret for one-click unsubscribe tokens, if configured (else one is kept under the data dir). */
    public Optional<String> unsubscribeSecret() {
        return unsubscribeSecret.filter(s -> !s.isBlank());
    }

    /** How long a one-click unsubscribe link in a delivered post keeps working. */
    public java.time.Duration unsubscribeLifetime() {
        return unsubscribeLifetime;
    }

    /** DNS servers for DMARC lookups (comma separated); empty means the system resolver. */
    public Optional<String> dnsServers() {
        return dnsServers.filter(s -> !s.isBlank());
    }

    /** A file of {@code domain TXT-record} lines consulted before DNS for DMARC records (tests, overrides). */
    public Optional<java.nio.file.Path> dmarcStatic() {
        return dmarcStatic.filter(s -> !s.isBlank()).map(java.nio.file.Path::of);
    }

    /** Whether outgoing posts are ARC-sealed (RFC 8617) where a DKIM key for the list domain exists. */
    public boolean arcEnabled() {
        return arcEnabled;
    }

    /** An optional setting read by name, for keys that carry a domain ({@code quire.dkim.<domain>.key}). */
    public Optional<String> value(String key) {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(key, String.class)
                .filter(v -> !v.isBlank());
    }
}
