package dev.quire.mta.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.quire.mta.config.MtaSettings;

/** The secret that local admin tools present; created on first start, kept across restarts. */
@ApplicationScoped
public class AdminToken {
    static final String FILE = "admin-token";

    @Inject
    MtaSettings settings;

    private byte[] token;

    @PostConstruct
    void load() {
        Path file = settings.dataDir().resolve("run").resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            token = Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the admin token " + file, e);
        }
    }

    /** Creates the token file when the application starts, so local tools find it before their first call. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing makes the container create this bean, and so run load(), at deployment
    }

    /** True when the presented token is this MTA's, compared in constant time. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
