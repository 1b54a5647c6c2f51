package dev.quire.db;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

/**
 * Brings the schema up to date when an application that bundles this jar deploys, before its other
 * start-up beans read the database ({@code @DependsOn("SchemaMigrator")}). Runs outside any container
 * transaction: Flyway manages its own, and takes a lock so two applications migrating at once is safe.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        int applied = Migrations.migrate(dataSource);
        LOG.info(() -> "database schema up to date (" + applied + " migrations applied now)");
    }
}
