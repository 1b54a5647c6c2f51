package dev.quire.scheduler.quartz;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.quartz.SchedulerConfigException;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's worker pool on threads from a given factory (the container's {@code ManagedThreadFactory}): a fixed
 * number of workers, and Quartz only hands over a job when one is free.
 */
public final class ManagedThreadPool implements ThreadPool {
    private final ThreadFactory factory;
    private final int size;
    private final Semaphore free;
    private ExecutorService workers;

    public ManagedThreadPool(ThreadFactory factory, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a scheduler needs at least one worker thread");
        }
        this.factory = factory;
        this.size = size;
        this.free = new Semaphore(size);
    }

    @Override
    public boolean runInThread(Runnable runnable) {
        if (workers == null || workers.isShutdown()) {
            // As Quartz's SimpleThreadPool does: a job handed over while shutting down still runs. Refusing it
            // would make Quartz mark its trigger ERROR in the shared job store, and no node would fire it again.
            try {
                factory.newThread(runnable).start();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
        free.acquireUninterruptibly();
        try {
            workers.execute(() -> {
                try {
                    runnable.run();
                } finally {
                    free.release();
                }
            });
            return true;
        } catch (RuntimeException e) {
            free.release();
            return false;
        }
    }

    @Override
    public int blockForAvailableThreads() {
        try {
            free.acquire();
            free.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return free.availablePermits();
    }

    @Override
    public void initialize() throws SchedulerConfigException {
        workers = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        if (workers == null) {
            return;
        }
        workers.shutdown();
        if (waitForJobsToComplete) {
            try {
                workers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int getPoolSize() {
        return size;
    }

    @Override
    public void setInstanceId(String schedInstId) {
        // the factory names the threads
    }

    @Override
    public void setInstanceName(String schedName) {
        // the factory names the threads
    }
}
