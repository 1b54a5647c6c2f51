package dev.quire.cli.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The unpacked distribution the launcher runs from: {@code lib/} (the launcher's classpath and
 * {@code payara-micro.jar}) and {@code apps/} (the wars).
 *
 * @param root the distribution directory, the parent of {@code bin/} and {@code lib/}
 */
public record Distribution(Path root) {

    /** The distribution containing this class's jar ({@code <root>/lib/quire-cli-*.jar}). */
    public static Distribution ofRunningLauncher() {
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Distribution(jar.toAbsolutePath().getParent().getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher's jar", e);
        }
    }

    public Path payaraMicroJar() {
        return root.resolve("lib").resolve("payara-micro.jar");
    }

    /**
     * The wars to deploy, list engine first: Payara starts applications in this order, so the list engine's
     * LMTP listener is up before the MTA opens its listeners and delivers what its queue recovered (mail for
     * the lists would otherwise wait for its first retry).
     */
    public List<Path> wars() {
        Path apps = root.resolve("apps");
        return List.of(apps.resolve("lists.war"), apps.resolve("mta.war"));
    }

    /** Fails with the first missing or empty file, naming what is expected. */
    public void verify() throws IOException {
        for (Path required : List.of(payaraMicroJar(), wars().get(0), wars().get(1))) {
            if (!Files.isRegularFile(required) || Files.size(required) == 0) {
                throw new FileNotFoundException(
                        required + " is missing or empty: run quire from a complete distribution"
                                + " (cli/target/quire after mvn package)");
            }
        }
    }
}
