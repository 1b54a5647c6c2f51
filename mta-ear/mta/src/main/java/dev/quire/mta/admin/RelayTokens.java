package dev.quire.mta.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The read-only tokens of upstream relays ({@code quire.addresses.tokens}, comma-separated): each lets its holder
 * fetch the valid-address file and nothing else. Tokens shorter than {@link #MIN_LENGTH} characters are refused
 * at start, so a guessable one is never accepted.
 */
@ApplicationScoped
public class RelayTokens {
    /** The shortest token accepted (a random 32-byte token in base64 is 43 characters). */
    static final int MIN_LENGTH = 24;
    private static final Logger LOG = Logger.getLogger(RelayTokens.class.getName());

    @Inject
    Config config;

    private List<byte[]> tokens = List.of();

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
        LOG.info(() -> tokens.size() + " relay token(s) may fetch the address file");
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
        return found;
    }
}
