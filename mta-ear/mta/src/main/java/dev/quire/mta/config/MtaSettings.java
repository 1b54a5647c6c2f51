package dev.quire.mta.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.mail.LocalHost;

/** Every setting the MTA reads, with its default. */
@ApplicationScoped
public class MtaSettings {
    @Inject
    @ConfigProperty(name = "quire.data.dir", defaultValue = "./var")
    String dataDir;

    @Inject
    @ConfigProperty(name = "quire.hostname")
    Optional<String> hostname;

    @Inject
    @ConfigProperty(name = "quire.smtp.bind", defaultValue = "127.0.0.1")
    String smtpBind;

    @Inject
    @ConfigProperty(name = "quire.smtp.port", defaultValue = "2525")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "quire.smtp.maxsize", defaultValue = "26214400")
    long maxMessageSize;

    @Inject
    @ConfigProperty(name = "quire.internal.port", defaultValue = "2526")
    int internalPort;

    @Inject
    @ConfigProperty(name = "quire.internal.networks", defaultValue = "127.0.0.0/8,::1/128")
    List<String> internalNetworks;

    @Inject
    @ConfigProperty(name = "quire.relay.networks", defaultValue = " ")
    String relayNetworks;

    @Inject
    @ConfigProperty(name = "quire.smarthost")
    Optional<String> smarthost;

    @Inject
    @ConfigProperty(name = "quire.mx.lookup", defaultValue = "true")
    boolean mxLookup;

    @Inject
    @ConfigProperty(name = "quire.lmtp.host", defaultValue = "127.0.0.1")
    String lmtpHost;

    @Inject
    @ConfigProperty(name = "quire.lmtp.port", defaultValue = "8024")
    int lmtpPort;

    @Inject
    @ConfigProperty(name = "quire.queue.retry.min", defaultValue = "PT5M")
    Duration retryMin;

    @Inject
    @ConfigProperty(name = "quire.queue.retry.max", defaultValue = "PT1H")
    Duration retryMax;

    @Inject
    @ConfigProperty(name = "quire.queue.lifetime", defaultValue = "P5D")
    Duration queueLifetime;

    @Inject
    @ConfigProperty(name = "quire.queue.concurrency", defaultValue = "50")
    int queueConcurrency;

    @Inject
    @ConfigProperty(name = "quire.queue.slow.after", defaultValue = "P1D")
    Duration slowAfter;

    @Inject
    @ConfigProperty(name = "quire.queue.slow.interval", defaultValue = "PT1H")
    Duration slowInterval;

    @Inject
    @ConfigProperty(name = "quire.queue.slow.concurrency", defaultValue = "2")
    int slowConcurrency;

    @Inject
    @ConfigProperty(name = "quire.queue.delay.warning", defaultValue = "PT4H")
    Duration delayWarning;

    @Inject
    @ConfigProperty(name = "quire.config.dir")
    Optional<String> configDir;

    @Inject
    @ConfigProperty(name = "quire.submission.port", defaultValue = "2587")
    int submissionPort;

    @Inject
    @ConfigProperty(name = "quire.smtps.port", defaultValue = "2465")
    int smtpsPort;

    @Inject
    @ConfigProperty(name = "quire.tls.cert")
    Optional<String> tlsCert;

    @Inject
    @ConfigProperty(name = "quire.tls.key")
    Optional<String> tlsKey;

    @Inject
    @ConfigProperty(name = "quire.smtp.maxhops", defaultValue = "50")
    int maxHops;

    @Inject
    @ConfigProperty(name = "quire.smtp.maxrcpt", defaultValue = "1000")
    int maxRecipients;

    @Inject
    @ConfigProperty(name = "quire.smtp.maxconn", defaultValue = "100")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "quire.smtp.maxconn.perclient", defaultValue = "50")
    int maxConnectionsPerClient;

    @Inject
    @ConfigProperty(name = "quire.pipe.allowed", defaultValue = " ")
    String pipeAllowed;

    @Inject
    @ConfigProperty(name = "quire.pipe.timeout", defaultValue = "PT5M")
    Duration pipeTimeout;

    @Inject
    @ConfigProperty(name = "quire.quiescent", defaultValue = "false")
    boolean quiescent;

    @Inject
    @ConfigProperty(name = "quire.bulk.port", defaultValue = "-1")
    int bulkPort;

    @Inject
    @ConfigProperty(name = "quire.bulk.bind", defaultValue = "127.0.0.1")
    String bulkBind;

    @Inject
    @ConfigProperty(name = "quire.bulk.networks", defaultValue = "127.0.0.0/8,::1/128")
    String bulkNetworks;

    @Inject
    @ConfigProperty(name = "quire.bulk.helo")
    Optional<String> bulkHelo;

    @Inject
    @ConfigProperty(name = "quire.domain")
    Optional<String> defaultDomain;

    @Inject
    @ConfigProperty(name = "quire.routing.cache.ttl", defaultValue = "PT10S")
    Duration routingCacheTtl;

    @Inject
    @ConfigProperty(name = "quire.queue.destination.concurrency.remote", defaultValue = "30")
    int remoteConcurrency;

    @Inject
    @ConfigProperty(name = "quire.queue.destination.concurrency.local", defaultValue = "5")
    int localConcurrency;

    @Inject
    @ConfigProperty(name = "quire.smtp.cache.idle", defaultValue = "PT2S")
    Duration connectionCacheIdle;

    @Inject
    @ConfigProperty(name = "quire.smtp.cache.reuse.time", defaultValue = "PT300S")
    Duration connectionReuseTime;

    @Inject
    @ConfigProperty(name = "quire.smtp.cache.reuse.count", defaultValue = "1000")
    int connectionReuseCount;

    @Inject
    @ConfigProperty(name = "quire.smtp.connect.timeout", defaultValue = "PT30S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "quire.smtp.dead.time", defaultValue = "PT60S")
    Duration deadTime;

    @Inject
    @ConfigProperty(name = "quire.maildir.layout", defaultValue = "%d/%u")
    String maildirLayout;

    @Inject
    @ConfigProperty(name = "quire.spool.journal.maxsize", defaultValue = "1048576")
    long journalMaxMessage;

    @Inject
    @ConfigProperty(name = "quire.spool.checkpoint.after", defaultValue = "PT60S")
    Duration checkpointAfter;

    /** How long an answer from the database's routing tables is reused (zero: never cached). */
    public Duration routingCacheTtl() {
        return routingCacheTtl;
    }

    /** Deliveries in parallel to one remote next hop (a smarthost, a transport host, a domain's MX hosts, LMTP). */
    public int remoteConcurrency() {
        return remoteConcurrency;
    }

    /** Deliveries in parallel to local Maildirs, pipes and files together. */
    public int localConcurrency() {
        return localConcurrency;
    }

    /** How long an SMTP connection waits, idle, for another message to the same next hop. */
    public Duration connectionCacheIdle() {
        return connectionCacheIdle;
    }

    /** How long a connect to a next hop may take (Postfix's {@code smtp_connect_timeout}). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long a next hop that could not be reached is not tried again; never longer than the first retry time, so
     * that a deferred message's retry does try it.
     */
    public Duration deadTime() {
        return deadTime.compareTo(retryMin) > 0 ? retryMin : deadTime;
    }

    /** How long after it opened an SMTP connection may still be reused. */
    public Duration connectionReuseTime() {
        return connectionReuseTime;
    }

    /** How many transactions one SMTP connection carries at most. */
    public int connectionReuseCount() {
        return connectionReuseCount;
    }

    /** Where a local mailbox's Maildir lives below the mail directory: %d domain, %u local part, %a address. */
    public String maildirLayout() {
        return maildirLayout;
    }

    /** Messages up to this size are made durable through the spool's journal (group commit); larger ones alone. */
    public long journalMaxMessage() {
        return journalMaxMessage;
    }

    /** How long a message may depend on the journal before its own files are made durable. */
    public Duration checkpointAfter() {
        return checkpointAfter;
    }

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** How long a message may be deferred before it moves to the slow queue. */
    public Duration slowAfter() {
        return slowAfter;
    }

    /** The least time between two attempts of a message in the slow queue. */
    public Duration slowInterval() {
        return slowInterval;
    }

    public int slowConcurrency() {
        return slowConcurrency;
    }

    /** When the sender of a still-undelivered message is warned (once); zero or negative: never. */
    public Duration delayWarning() {
        return delayWarning;
    }

    /** Where the text routing tables live ({@code aliases/}, {@code transport}, ...). */
    public Path configDir() {
        return configDir.filter(d -> !d.isBlank()).map(d -> Path.of(d).toAbsolutePath().normalize())
                .orElseGet(() -> dataDir().resolve("config"));
    }

    public int submissionPort() {
        return submissionPort;
    }

    public int smtpsPort() {
        return smtpsPort;
    }

    public Optional<Path> tlsCert() {
        return tlsCert.filter(s -> !s.isBlank()).map(Path::of);
    }

    public Optional<Path> tlsKey() {
        return tlsKey.filter(s -> !s.isBlank()).map(Path::of);
    }

    public int maxHops() {
        return maxHops;
    }

    public int maxRecipients() {
        return maxRecipients;
    }

    /** Sessions a listener serves at once (Postfix's default_process_limit). */
    public int maxConnections() {
        return maxConnections;
    }

    /** Sessions one client address may hold at once (Postfix's smtpd_client_connection_count_limit). */
    public int maxConnectionsPerClient() {
        return maxConnectionsPerClient;
    }

    /** Programs that alias pipes may run (absolute paths), as sendmail's smrsh directory. */
    public java.util.Set<Path> pipeAllowed() {
        return java.util.Arrays.stream(pipeAllowed.split("[,\\s]+")).filter(s -> !s.isBlank())
                .map(s -> Path.of(s).normalize()).collect(java.util.stream.Collectors.toSet());
    }

    public Duration pipeTimeout() {
        return pipeTimeout;
    }

    public boolean startQuiescent() {
        return quiescent;
    }

    /** The optional internal bulk listener's port; negative when there is none. */
    public int bulkPort() {
        return bulkPort;
    }

    public String bulkBind() {
        return bulkBind;
    }

    public List<String> bulkNetworks() {
        return split(bulkNetworks);
    }

    /** The HELO name for mail that arrived on the bulk listener. */
    public String bulkHelo() {
        return bulkHelo.filter(h -> !h.isBlank()).orElseGet(this::hostname);
    }

    /** The domain that {@code verify} adds to an unqualified name, if configured. */
    public Optional<String> defaultDomain() {
        return defaultDomain.filter(d -> !d.isBlank());
    }

    private static List<String> split(String list) {
        return List.of(list.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).toList();
    }

    public Path spoolDir() {
        return dataDir().resolve("spool");
    }

    public Path mailDir() {
        return dataDir().resolve("mail");
    }

    /** The name this MTA gives itself in banners, Received headers and EHLO. */
    public String hostname() {
        return hostname.filter(h -> !h.isBlank()).orElseGet(LocalHost::name);
    }

    public String smtpBind() {
        return smtpBind;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public long maxMessageSize() {
        return maxMessageSize;
    }

    public int internalPort() {
        return internalPort;
    }

    public List<String> internalNetworks() {
        return internalNetworks;
    }

    public List<String> relayNetworks() {
        return split(relayNetworks);
    }

    public Optional<String> smarthost() {
        return smarthost.filter(s -> !s.isBlank());
    }

    /**
     * Whether remote mail with no transport entry and no smarthost goes to the domain's MX hosts; when off,
     * it waits in the queue (the demo's setting, so nothing leaves a test machine by accident).
     */
    public boolean mxLookup() {
        return mxLookup;
    }

    public String lmtpHost() {
        return lmtpHost;
    }

    public int lmtpPort() {
        return lmtpPort;
    }

    public Duration retryMin() {
        return retryMin;
    }

    public Duration retryMax() {
        return retryMax;
    }

    public Duration queueLifetime() {
        return queueLifetime;
    }

    public int queueConcurrency() {
        return queueConcurrency;
    }
}
