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
    @ConfigProperty(name = "quire.queue.concurrency", defaultValue = "20")
    int queueConcurrency;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
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
        return List.of(relayNetworks.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).toList();
    }

    public Optional<String> smarthost() {
        return smarthost.filter(s -> !s.isBlank());
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
