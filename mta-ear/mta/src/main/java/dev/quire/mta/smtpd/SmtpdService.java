package dev.quire.mta.smtpd;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.control.Quiescence;
import dev.quire.mta.queue.QueueManager;
import dev.quire.mta.routing.CachedRoutingData;
import dev.quire.mta.routing.Router;
import dev.quire.mta.routing.table.RoutingTables;
import dev.quire.mta.scan.ScanPolicy;
import dev.quire.mta.scan.ScanSettings;
import dev.quire.mta.spool.Spool;
import dev.quire.mta.tls.TlsIdentity;

/**
 * Opens the MTA's listeners once the schema is migrated and the spool recovered, each with its own policy:
 * MX (relay only for trusted networks, relay domains and authenticated clients), submission (AUTH required,
 * only after STARTTLS), implicit TLS (AUTH required), the internal hand-off from the list engine, and an
 * optional bulk listener for internal applications.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "QueueManager"})
public class SmtpdService {
    private static final Logger LOG = Logger.getLogger(SmtpdService.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MtaSettings settings;

    @Inject
    Router router;

    @Inject
    RoutingTables tables;

    @Inject
    CachedRoutingData dbTables;

    @Inject
    Spool spool;

    @Inject
    QueueManager queue;

    @Inject
    SmtpUserAuthenticator authenticator;

    @Inject
    Quiescence quiescence;

    private final List<SmtpServer> servers = new ArrayList<>();

    @PostConstruct
    void start() {
        SSLContext tls = tlsContext();
        InboundTransaction.Context context = new InboundTransaction.Context(spool, queue.intake(), router,
                settings.hostname(),
                settings.maxHops());
        PermitServedRecipient served = new PermitServedRecipient(router);
        PermitRelayDomains relayDomains = new PermitRelayDomains(router);
        PermitNetworks trusted = new PermitNetworks(this::trustedNetworks,
                client -> tables.clientAccess().check(client).relayClient());
        PermitAuthenticated authenticated = new PermitAuthenticated();
        RejectRelay reject = new RejectRelay();

        RecipientPolicy mxPolicy = new RecipientPolicy(List.of(served, relayDomains, trusted, authenticated, reject));
        RecipientPolicy submissionPolicy = new RecipientPolicy(List.of(authenticated, served, reject));
        NetworkList internalNetworks = new NetworkList(settings.internalNetworks());
        RecipientPolicy internalPolicy = internalPolicy(internalNetworks);

        open(new Listener("mx", null, tables.clientAccess(), mxPolicy, null, scan("mx")), context,
                base(settings.smtpBind(), settings.smtpPort()).tls(tls).authenticator(authenticator));
        if (settings.submissionPort() >= 0) {
            open(new Listener("submission", null, tables.clientAccess(), submissionPolicy, null, scan("submission")),
                    context,
                    base(settings.smtpBind(), settings.submissionPort()).tls(tls).authenticator(authenticator)
                            .requireTls(true).requireAuth(true));
        }
        if (settings.smtpsPort() >= 0) {
            open(new Listener("smtps", null, tables.clientAccess(), submissionPolicy, null, scan("smtps")), context,
                    base(settings.smtpBind(), settings.smtpsPort()).tls(tls).implicitTls(true)
                            .authenticator(authenticator).requireAuth(true));
        }
        open(new Listener("internal", internalNetworks, null, internalPolicy, null, null), context,
                base("127.0.0.1", settings.internalPort()).extraEhloKeyword("XVERP"));
        if (settings.bulkPort() >= 0) {
            NetworkList bulkNetworks = new NetworkList(settings.bulkNetworks());
            RecipientPolicy bulkPolicy = new RecipientPolicy(List.of(served,
                    new PermitNetworks(() -> bulkNetworks, client -> false), reject));
            open(new Listener("bulk", bulkNetworks, null, bulkPolicy, settings.bulkHelo(), scan("bulk")), context,
                    base(settings.bulkBind(), settings.bulkPort()).extraEhloKeyword("XVERP"));
        }
    }

    /**
     * The internal listener's recipient checks: the list engine's network first, as Postfix's
     * {@code permit_mynetworks}, so a hand-off of a thousand members costs no routing lookup per RCPT. Each
     * recipient is still routed once, at DATA (the queue's cleanup): an address nobody has there is refused in a
     * DSN to the list's bounce address, which the list engine's bounce processing reads, and an alias's
     * {@code :defer:} defers the hand-off. The listener admits no client outside these networks in the first place.
     */
    static RecipientPolicy internalPolicy(NetworkList internalNetworks) {
        return new RecipientPolicy(List.of(new PermitNetworks(() -> internalNetworks, client -> false),
                new RejectRelay()));
    }

    /**
     * The content scanning of a listener, or null when neither spamd nor clamd is configured. The internal
     * listener is never scanned: what the list engine hands over was scanned when it arrived.
     */
    private ScanPolicy scan(String listener) {
        Config config = ConfigProvider.getConfig();
        ScanSettings s = ScanSettings.fromConfig(key -> config.getOptionalValue(key, String.class), listener);
        return s.spamdHost() == null && s.clamdHost() == null ? null : ScanPolicy.of(s);
    }

    private SmtpServerConfig.Builder base(String bind, int port) {
        return SmtpServerConfig.builder()
                .bindAddress(bind)
                .port(port)
                .hostname(settings.hostname())
                .maxMessageSize(settings.maxMessageSize())
                .maxRecipients(settings.maxRecipients())
                .maxConnections(settings.maxConnections())
                .maxConnectionsPerClient(settings.maxConnectionsPerClient());
    }

    /** The configured networks and the database's relay networks; a database problem leaves the configured ones. */
    private NetworkList trustedNetworks() {
        List<String> networks = new ArrayList<>(settings.relayNetworks());
        try {
            networks.addAll(dbTables.relayNetworks());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "relay networks in the database unavailable: " + e.getMessage());
        }
        return new NetworkList(networks);
    }

    private SSLContext tlsContext() {
        Path dir = settings.dataDir().resolve("tls");
        Path cert = settings.tlsCert().orElse(dir.resolve("cert.pem"));
        Path key = settings.tlsKey().orElse(dir.resolve("key.pem"));
        try {
            return TlsIdentity.load(cert, key, settings.hostname(), settings.tlsCert().isEmpty());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the TLS certificate " + cert + " and key " + key + ": "
                    + e.getMessage(), e);
        }
    }

    private void open(Listener listener, InboundTransaction.Context context, SmtpServerConfig.Builder config) {
        SmtpServerConfig built = config.build();
        SmtpServer server = new SmtpServer(built, ctx -> new InboundTransaction(ctx, listener, context), threads);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + built.bindAddress() + ":" + built.port() + ": "
                    + e.getMessage(), e);
        }
        servers.add(server);
        quiescence.register(server);
        LOG.info(() -> "listener " + listener.name() + " accepting mail on " + built.bindAddress() + ":"
                + server.port());
    }

    @PreDestroy
    void stop() {
        servers.forEach(s -> {
            quiescence.unregister(s);
            s.close();
        });
    }
}
