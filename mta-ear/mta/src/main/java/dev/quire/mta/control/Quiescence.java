package dev.quire.mta.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpServer;
import dev.quire.mta.config.MtaSettings;

/**
 * Quiescent mode, for restores and maintenance: every listener answers new connections with 421 and the
 * queue delivers nothing, until an admin opens the MTA again. A restored host starts this way
 * ({@code quire run --quiescent}) so that its configuration can be checked with {@code verify} first.
 */
@ApplicationScoped
public class Quiescence {
    private static final Logger LOG = Logger.getLogger(Quiescence.class.getName());

    @Inject
    MtaSettings settings;

    private final List<SmtpServer> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean quiescent;

    @PostConstruct
    void init() {
        quiescent = settings.startQuiescent();
    }

    /** A listener to refuse or open with the rest. */
    public void register(SmtpServer server) {
        listeners.add(server);
        apply(server);
    }

    public void unregister(SmtpServer server) {
        listeners.remove(server);
    }

    public boolean isQuiescent() {
        return quiescent;
    }

    /** Enters or leaves quiescent mode. */
    public synchronized void set(boolean on) {
        if (on != quiescent) {
            quiescent = on;
            listeners.forEach(this::apply);
            LOG.warning(() -> on
                    ? "quiescent: listeners refuse new connections and the queue holds its mail"
                    : "open: listeners accept mail and the queue delivers");
        }
    }

    private void apply(SmtpServer server) {
        if (quiescent) {
            server.refuseNewSessions(new Reply(421, "4.3.2", settings.hostname()
                    + " Service not available, the mail system is in maintenance; try again later"));
        } else {
            server.resume();
        }
    }
}
