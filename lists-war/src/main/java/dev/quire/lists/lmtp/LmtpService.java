package dev.quire.lists.lmtp;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import dev.quire.db.list.ListAddress;

import dev.quire.db.list.MailingListRepository;
import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mail.smtp.SmtpServerConfig;

/** Opens the LMTP listener once the schema is migrated. */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class LmtpService {
    private static final Logger LOG = Logger.getLogger(LmtpService.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ListsSettings settings;

    @Inject
    MailingListRepository lists;

    @Inject
    @Any
    Instance<ListAddressHandler> handlers;

    private SmtpServer server;

    @PostConstruct
    void start() {
        SmtpServerConfig config = SmtpServerConfig.builder()
                .bindAddress(settings.lmtpBind())
                .port(settings.lmtpPort())
                .hostname(settings.hostname())
                .lmtp(true)
                .maxMessageSize(settings.maxMessageSize())
                .build();
        Map<ListAddress.Function, ListAddressHandler> byFunction = new EnumMap<>(ListAddress.Function.class);
        for (ListAddressHandler h : handlers) {
            for (ListAddress.Function f : h.functions()) {
                ListAddressHandler previous = byFunction.put(f, h);
                if (previous != null) {
                    throw new IllegalStateException(f + " is served by both " + previous.getClass().getName()
                            + " and " + h.getClass().getName());
                }
            }
        }
        Map<ListAddress.Function, ListAddressHandler> served = Map.copyOf(byFunction);
        server = new SmtpServer(config, ctx -> new ListTransaction(lists, served), threads);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for LMTP on " + settings.lmtpBind() + ":"
                    + settings.lmtpPort() + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "LMTP listener on " + settings.lmtpBind() + ":" + server.port());
    }

    @PreDestroy
    void stop() {
        server.close();
    }
}
