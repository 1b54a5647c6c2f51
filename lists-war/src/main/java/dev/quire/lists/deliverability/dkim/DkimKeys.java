package dev.quire.lists.deliverability.dkim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.lists.config.ListsSettings;

/**
 * The signing key of each list domain, from {@code quire.dkim.<domain>.key} (a PEM file) and
 * {@code quire.dkim.<domain>.selector} (default {@code quire}); read once and kept. A domain without a key
 * is not signed, and a key that cannot be read is logged once and treated as absent.
 */
@ApplicationScoped
public class DkimKeys {
    private static final Logger LOG = Logger.getLogger(DkimKeys.class.getName());
    public static final String DEFAULT_SELECTOR = "quire";

    @Inject
    ListsSettings settings;

    private final Map<String, Optional<DkimKey>> keys = new ConcurrentHashMap<>();

    public Optional<DkimKey> forDomain(String domain) {
        return keys.computeIfAbsent(domain.toLowerCase(Locale.ROOT), this::load);
    }

    private Optional<DkimKey> load(String domain) {
        Optional<String> file = settings.value("quire.dkim." + domain + ".key");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String selector = settings.value("quire.dkim." + domain + ".selector").orElse(DEFAULT_SELECTOR);
        try {
            return Optional.of(DkimKey.fromPem(domain, selector, Path.of(file.get())));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "DKIM key for " + domain + " unusable; its mail goes out unsigned", e);
            return Optional.empty();
        }
    }
}
