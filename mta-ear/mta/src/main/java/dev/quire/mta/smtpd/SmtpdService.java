package dev.quire.mta.smtpd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;
import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.queue.QueueManager;
import dev.quire.mta.routing.Router;
import dev.quire.mta.spool.Spool;

/** Opens the MTA's listeners once the schema is migrated and the spool recovered. */
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
    Spool spool;

    @Inject
    QueueManager queue;

    private final List<SmtpServer> servers = new ArrayList<>();

    @PostConstruct
    void start() {
        PermitServedRecipient served = new PermitServedRecipient(router);
        NetworkList relayNetworks = new NetworkList(settings.relayNetworks());
        NetworkList internalNetworks = new NetworkList(settings.internalNetworks());
        Listener mx = new Listener("mx", "ESMTP", null,
                new RecipientPolicy(List.of(served, new PermitNetworks(relayNetworks), new RejectRelay())));
        Listener internal = new Listener("internal", "ESMTP", internalNetworks,
                new RecipientPolicy(List.of(served, new PermitNetworks(internalNetworks), new RejectRelay())));
        open(mx, settings.smtpBind(), settings.smtpPort());
        open(internal, "127.0.0.1", settings.internalPort());
    }

    private void open(Listener listener, String bind, int port) {
        SmtpServerConfig config = SmtpServerConfig.builder()
                .bindAddress(bind)
                .port(port)
                .hostname(settings.hostname())
                .maxMessageSize(settings.maxMessageSize())
                .build();
        SmtpServer server = new SmtpServer(config,
                ctx -> new InboundTransaction(ctx, listener, spool, queue, settings.hostname()), threads);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        servers.add(server);
        LOG.info(() -> "listener " + listener.name() + " accepting mail on " + bind + ":" + server.port());
    }

    @PreDestroy
    void stop() {
        servers.forEach(SmtpServer::close);
    }
}
