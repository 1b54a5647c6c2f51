package dev.quire.mta.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.routing.table.RoutingTables;
import dev.quire.mta.routing.table.TokenFile;

/**
 * The read-only tokens of upstream relays: each lets its holder fetch the valid-address file and nothing else. They
 * come from {@code quire.addresses.tokens} (comma-separated, read at start) and from the file
 * {@code <config>/relay-tokens} (one per line), which is picked up on change like the routing tables, so a token is
 * issued or revoked without a restart. Tokens shorter than {@link #MIN_LENGTH} characters are refused (at start in
 * the configuration; in the file, the previous contents stay in force and the line is logged), so a guessable one
 * is never accepted.
 */
@ApplicationScoped
public class RelayTokens {
    /** The shortest token accepted (a random 32-byte token in base64 is 43 characters). */
    static final int MIN_LENGTH = 24;
    private static final Logger LOG = Logger.getLogger(RelayTokens.class.getName());

    /** The file under the configuration directory that holds relay tokens, one per line. */
    public static final String FILE = "relay-tokens";

    @Inject
    Config config;

    @Inject
    MtaSettings settings;

    private List<byte[]> tokens = List.of();
    private TokenFile file;

    @PostConstruct
    void load() {
        List<String> all = config.getOptionalValues("quire.addresses.tokens", String.class).orElse(List.of()).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        for (String t : all) {
            if (t.length() < MIN_LENGTH) {
                throw new IllegalStateException("quire.addresses.tokens: a relay token needs at least " + MIN_LENGTH
                        + " characters");
            }
        }
        tokens = all.stream().map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();
        file = new TokenFile(settings.configDir().resolve(FILE), RoutingTables.DEFAULT_CHECK_INTERVAL, MIN_LENGTH);
        LOG.info(() -> tokens.size() + " relay token(s) in the configuration and " + file.tokens().size() + " in "
                + settings.configDir().resolve(FILE) + " may fetch the address file");
    }

    /** True when the presented token is one of the relays' (every token is compared, in constant time). */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] p = presented.strip().getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (byte[] t : tokens) {
            found |= MessageDigest.isEqual(t, p);
        }
        for (byte[] t : file.tokens()) {
            found |= MessageDigest.isEqual(t, p);
        }
        return found;
    }
}
