package dev.quire.mta.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.routing.table.RoutingTables;

/** The text routing tables of this MTA's config directory, watched for edits. */
@ApplicationScoped
public class RoutingTablesProducer {
    @Produces
    @Singleton
    RoutingTables tables(MtaSettings settings) {
        return new RoutingTables(settings.configDir());
    }
}
