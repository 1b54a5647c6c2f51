package dev.quire.cli.dkim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.quire.cli.Quire;
import dev.quire.cli.config.PrivateFiles;
import dev.quire.cli.config.Settings;

/**
 * {@code quire dkim DOMAIN [--generate] [--config FILE]}: prints the TXT record for the key configured as
 * {@code quire.dkim.<domain>.key} (selector {@code quire.dkim.<domain>.selector}, default {@code quire}).
 * With {@code --generate} it first writes a new RSA 2048 key there (or to
 * {@code <data dir>/dkim/<domain>.pem} when no path is configured), never over an existing file.
 */
public final class DkimCommand {
    static final String USAGE = "usage: quire dkim DOMAIN [--generate] [--config FILE]";

    private final PrintStream out;
    private final PrintStream err;

    public DkimCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int execute(String[] args) {
        Optional<Path> config = Optional.empty();
        boolean generate = false;
        String domain = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Optional.of(Path.of(args[++i]));
            } else if (args[i].startsWith("--config=")) {
                config = Optional.of(Path.of(args[i].substring("--config=".length())));
            } else if (args[i].equals("--generate")) {
                generate = true;
            } else if (!args[i].startsWith("-") && domain == null) {
                domain = args[i].toLowerCase(Locale.ROOT);
            } else {
                err.println(USAGE);
                return Quire.USAGE_ERROR;
            }
        }
        if (domain == null || !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            err.println(USAGE);
            return Quire.USAGE_ERROR;
        }
        try {
            Settings settings = Settings.resolve(config, Path.of("").toAbsolutePath(), System.getenv(),
                    System.getProperties());
            return run(settings, domain, generate);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("quire dkim: " + e.getMessage());
            return 1;
        }
    }

    int run(Settings settings, String domain, boolean generate) throws IOException, GeneralSecurityException {
        String keyKey = "quire.dkim." + domain + ".key";
        String selector = settings.get("quire.dkim." + domain + ".selector").orElse("quire");
        Optional<String> configured = settings.get(keyKey);
        Path pem = configured.map(Path::of).orElse(settings.dataDir().resolve("dkim").resolve(domain + ".pem"));
        if (generate) {
            if (Files.exists(pem)) {
                err.println("quire dkim: " + pem + " exists; not replacing a key that may be published");
                return 1;
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            PrivateFiles.write(pem, pem(g.generateKeyPair().getPrivate()));
            out.println("wrote " + pem);
            if (configured.isEmpty()) {
                out.println("add to quire.properties:");
                out.println("  " + keyKey + "=" + pem.toAbsolutePath());
                out.println("  quire.dkim." + domain + ".selector=" + selector);
            }
            out.println();
        } else if (!Files.exists(pem)) {
            err.println("quire dkim: no key for " + domain + " (" + keyKey + "); make one with --generate");
            return 1;
        }
        out.println("publish this TXT record, then mail from lists in " + domain + " is signed with it:");
        out.println(record(selector, domain, publicKey(readPem(pem))));
        return 0;
    }

    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static PrivateKey readPem(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (!text.contains("BEGIN PRIVATE KEY")) {
            throw new IOException(pem + ": not a PKCS#8 PEM key (openssl pkcs8 -topk8 -nocrypt converts one)");
        }
        byte[] der = Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static PublicKey publicKey(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    /** A zone-file line; the value split into strings of at most 255 characters, as DNS requires. */
    static String record(String selector, String domain, PublicKey key) {
        String value = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            strings.add("\"" + value.substring(i, Math.min(value.length(), i + 255)) + "\"");
        }
        return selector + "._domainkey." + domain + ". IN TXT ( " + String.join(" ", strings) + " )";
    }
}
