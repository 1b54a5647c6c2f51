package dev.quire.lists.site;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the lists side finds the MTA's admin API, as {@code quire queue} does: by default the MTA in the same
 * Payara ({@code http://127.0.0.1:<quire.http.port>/mta/api}) and the token it wrote to
 * {@code <quire.data.dir>/run/admin-token}. When the MTA runs on another host, set
 * {@code quire.mta.admin.url} and copy its token file to {@code quire.mta.admin.token-file}.
 */
@ApplicationScoped
public class MtaAdminSettings {
    @Inject
    @ConfigProperty(name = "quire.mta.admin.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "quire.mta.admin.token-file")
    Optional<String> tokenFile;

    @Inject
    @ConfigProperty(name = "quire.http.port", defaultValue = "8080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "quire.data.dir", defaultValue = "./var")
    String dataDir;

    /** The admin API's base, ending in a slash. */
    public URI url() {
        String u = url.filter(s -> !s.isBlank()).orElse("http://127.0.0.1:" + httpPort + "/mta/api");
        return URI.create(u.endsWith("/") ? u : u + "/");
    }

    public Path tokenFile() {
        return tokenFile.filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(dataDir).resolve("run").resolve("admin-token"));
    }
}
