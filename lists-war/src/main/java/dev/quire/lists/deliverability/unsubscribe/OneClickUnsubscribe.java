package dev.quire.lists.deliverability.unsubscribe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.MailingList;
import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.EmailAddress;

/**
 * The site's one-click unsubscribe service: the URL that goes into a member's List-Unsubscribe, and
 * {@link #verify(String)}, which the web endpoint calls with the token from that URL. The secret is
 * {@code quire.unsubscribe.secret} when set, else 32 random bytes kept in
 * {@code <data dir>/secrets/unsubscribe.key} (made on first use, mode 0600). Nodes of a cluster must share it.
 */
@ApplicationScoped
public class OneClickUnsubscribe {
    /** The path under the web URL that serves one-click unsubscribe, the token following it. */
    public static final String PATH = "/unsubscribe/";

    @Inject
    ListsSettings settings;

    private OneClickTokens tokens;

    @PostConstruct
    void init() {
        byte[] secret = settings.unsubscribeSecret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> secretFile(settings.dataDir().resolve("secrets").resolve("unsubscribe.key")));
        tokens = new OneClickTokens(secret, settings.unsubscribeLifetime(), Clock.systemUTC());
    }

    /** The HTTPS URL for one member of one list. */
    public String url(MailingList list, EmailAddress member) {
        return settings.webUrl() + PATH + tokens.issue(list.listId(), member);
    }

    /** Which member of which list a token from a URL names, if it is genuine and current. */
    public Optional<Unsubscription> verify(String token) {
        return tokens.verify(token);
    }

    static byte[] secretFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.getParent(), "unsubscribe", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n", StandardOpenOption.SYNC);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp);
                    if (!Files.exists(file)) {
                        throw raced;
                    }
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the unsubscribe secret in " + file, e);
        }
    }
}
