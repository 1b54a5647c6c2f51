package dev.quire.mta.routing.table;

import java.nio.file.Path;
import java.time.Duration;

/**
 * All file tables of one configuration directory, opened together, and the alias resolver over them. The lead's
 * CDI producer wraps one instance; tests build their own.
 */
public final class RoutingTables {
    /** How often a table file is checked for changes unless told otherwise. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final AliasFiles aliases;
    private final AliasDomains aliasDomains;
    private final RelayDomains relayDomains;
    private final TransportTable transport;
    private final LegacyLists legacyLists;
    private final ClientAccessTable clientAccess;
    private final AliasResolver resolver;

    /** The tables under {@code configDirectory}, checked for changes at most once a second. */
    public RoutingTables(Path configDirectory) {
        this(configDirectory, DEFAULT_CHECK_INTERVAL);
    }

    /** The tables under {@code configDirectory}, checked for changes at most once per {@code checkInterval}. */
    public RoutingTables(Path configDirectory, Duration checkInterval) {
        this.aliases = new AliasFiles(configDirectory, checkInterval);
        this.aliasDomains = new AliasDomains(configDirectory, checkInterval);
        this.relayDomains = new RelayDomains(configDirectory, checkInterval);
        this.transport = new TransportTable(configDirectory, checkInterval);
        this.legacyLists = new LegacyLists(configDirectory, checkInterval, LegacyLists.MAILMAN_SUFFIXES,
                AliasResolver.DEFAULT_DELIMITER);
        this.clientAccess = new ClientAccessTable(configDirectory, checkInterval);
        this.resolver = new AliasResolver(aliases, aliasDomains);
    }

    public AliasFiles aliases() {
        return aliases;
    }

    public AliasDomains aliasDomains() {
        return aliasDomains;
    }

    public RelayDomains relayDomains() {
        return relayDomains;
    }

    public TransportTable transport() {
        return transport;
    }

    public LegacyLists legacyLists() {
        return legacyLists;
    }

    public ClientAccessTable clientAccess() {
        return clientAccess;
    }

    /** The resolver over {@link #aliases()} and {@link #aliasDomains()} with {@code +} and the default limits. */
    public AliasResolver resolver() {
        return resolver;
    }
}
