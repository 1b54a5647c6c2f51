package dev.quire.scheduler;

import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.quartz.SchedulerException;

import dev.quire.scheduler.quartz.ClusteredScheduler;
import dev.quire.scheduler.quartz.SchedulerSettings;

/**
 * Builds this application's clustered scheduler once the schema is migrated, with every {@link ScheduledTask} bean
 * the application has, and registers their triggers; {@link SchedulerStart} lets it fire once the application has
 * finished deploying. Its name is {@code quire-<application name>} ({@code quire-lists}, {@code quire-mta}): each
 * application runs its own tasks, and nodes of one application share each fire time.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchedulerBootstrap {
    private static final Logger LOG = Logger.getLogger(SchedulerBootstrap.class.getName());

    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:app/AppName")
    String applicationName;

    @Inject
    @Any
    Instance<ScheduledTask> tasks;

    @Inject
    Config config;

    private ClusteredScheduler scheduler;

    @PostConstruct
    void create() {
        List<ScheduledTask> found = tasks.stream().toList();
        try {
            scheduler = ClusteredScheduler.create("quire-" + applicationName, found, dataSource, threads,
                    SchedulerSettings.from(key -> config.getOptionalValue(key, String.class)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler was not created: " + e.getMessage(), e);
        }
        LOG.info(() -> scheduler.name() + " created on node " + scheduler.node() + " with jobs "
                + scheduler.taskNames() + "; it fires once the application is deployed");
    }

    /**
     * Lets the scheduler fire (after {@code quire.scheduler.start.delay}, default none). Called once the application
     * is deployed, so a deployment that fails never leaves Quartz threads firing jobs into a class loader and
     * connection pool that the container closed.
     */
    public void begin() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler did not start: " + e.getMessage(), e);
        }
        LOG.info(() -> scheduler.name() + " started on node " + scheduler.node());
    }

    /** The running scheduler, for run requests from the admin API. */
    public ClusteredScheduler scheduler() {
        return scheduler;
    }

    @PreDestroy
    void stop() {
        try {
            scheduler.close();
        } catch (SchedulerException e) {
            LOG.warning(() -> "scheduler did not stop cleanly: " + e.getMessage());
        }
    }
}
