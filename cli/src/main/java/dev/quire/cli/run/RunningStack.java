package dev.quire.cli.run;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What {@code quire run} has started so far, stopped in reverse order exactly once: Payara Micro first (SIGTERM, up
 * to 30 s, then killed), then the embedded database. Shared by the main thread and the shutdown hook.
 */
final class RunningStack {

    private static final Logger LOG = Logger.getLogger(RunningStack.class.getName());
    static final Duration PAYARA_GRACE = Duration.ofSeconds(30);

    private EmbeddedDatabase database;
    private PayaraProcess payara;
    private boolean stopped;
    private volatile boolean finished;

    synchronized void database(EmbeddedDatabase started) {
        this.database = started;
    }

    synchronized void payara(PayaraProcess started) {
        this.payara = started;
    }

    /** Marks that the main thread is done and is about to exit with its own status. */
    void finish() {
        finished = true;
    }

    /** True once the main thread is done; a shutdown before that was caused by a signal. */
    boolean isFinished() {
        return finished;
    }

    /**
     * Stops everything started so far.
     *
     * @return true if this call did the stopping, false if the stack had already been stopped
     */
    synchronized boolean stop() {
        if (stopped) {
            return false;
        }
        stopped = true;
        if (payara != null) {
            try {
                payara.stop(PAYARA_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            try {
                database.stop();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping the embedded database failed", e);
            }
        }
        return true;
    }
}
