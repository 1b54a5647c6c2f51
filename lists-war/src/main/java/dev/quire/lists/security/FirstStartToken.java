package dev.quire.lists.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * At start, when {@code <data dir>/run/api-token} does not exist and a site admin does, creates an API
 * token for the first site admin and writes it there (mode 0600), so that the admin and local scripts
 * can call the REST API at once. Delete the file to have a new token made at the next start.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstStartToken {
    static final String FILE = "api-token";
    private static final Logger LOG = Logger.getLogger(FirstStartToken.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    SecuritySettings settings;

    @PostConstruct
    void create() {
        Path file = settings.dataDir().resolve("run").resolve(FILE);
        if (Files.exists(file)) {
            return;
        }
        try {
            Optional<String> admin = accounts.firstSiteAdmin();
            if (admin.isEmpty()) {
                LOG.info("no site admin yet: no API token written to " + file);
                return;
            }
            String token = accounts.createToken(admin.get(), "first start", null);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, token + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info(() -> "API token of site admin '" + admin.get() + "' written to " + file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not create the first API token in " + file, e);
        }
    }
}
