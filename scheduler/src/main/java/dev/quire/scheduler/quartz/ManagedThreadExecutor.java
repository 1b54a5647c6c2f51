package dev.quire.scheduler.quartz;

import java.util.concurrent.ThreadFactory;

import org.quartz.spi.ThreadExecutor;

/**
 * Runs Quartz's own long-lived threads (the scheduler loop, cluster check-in, misfire handling) on threads from a
 * given factory: Quartz hands over a {@link Thread} object, whose {@code run} then runs on a factory thread.
 */
public final class ManagedThreadExecutor implements ThreadExecutor {
    private final ThreadFactory factory;

    public ManagedThreadExecutor(ThreadFactory factory) {
        this.factory = factory;
    }

    @Override
    public void execute(Thread thread) {
        Thread managed = factory.newThread(thread);
        managed.setDaemon(thread.isDaemon());
        managed.start();
    }

    @Override
    public void initialize() {
        // nothing to prepare
    }
}
