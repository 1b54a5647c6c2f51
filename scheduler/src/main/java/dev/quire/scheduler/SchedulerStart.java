package dev.quire.scheduler;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the application's scheduler when its web module has started. Payara starts a war's web module after its
 * EJB module, so every {@code @Startup} bean (schema migration, queue recovery, the scheduler's own set-up) has run
 * by then; CDI's {@code @Initialized(ApplicationScoped.class)} is too early (Payara fires it while the application is
 * still loading, before the EJB container accepts calls). A deployment that fails before this point never fires a
 * job.
 */
@WebListener
public class SchedulerStart implements ServletContextListener {
    @Inject
    SchedulerBootstrap bootstrap;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        bootstrap.begin();
    }
}
