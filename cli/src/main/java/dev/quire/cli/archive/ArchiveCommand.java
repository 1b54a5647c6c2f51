package dev.quire.cli.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quire.cli.Quire;
import dev.quire.cli.config.Settings;

/**
 * {@code quire archive export LIST [FILE]} streams {@code GET /api/lists/LIST/archive.mbox} to FILE (written
 * whole or not at all) or to standard output; {@code quire archive import LIST FILE} streams FILE to
 * {@code POST /api/lists/LIST/archive/import} and prints what was imported. Both need the owner role on the list,
 * which the site admin's token has.
 */
public final class ArchiveCommand {
    private static final String USAGE = "usage: quire archive export LIST [FILE] | quire archive import LIST FILE";
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ArchiveCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int execute(String... args) {
        Optional<Path> config = Optional.empty();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Optional.of(Path.of(args[++i]));
            } else if (args[i].startsWith("-") && !args[i].equals("-")) {
                err.println("quire archive: unknown option '" + args[i] + "'");
                return Quire.USAGE_ERROR;
            } else {
                operands.add(args[i]);
            }
        }
        String verb = operands.isEmpty() ? "" : operands.get(0);
        boolean export = verb.equals("export") && (operands.size() == 2 || operands.size() == 3);
        boolean load = verb.equals("import") && operands.size() == 3;
        if (!export && !load) {
            err.println(USAGE);
            return Quire.USAGE_ERROR;
        }
        try {
            Settings settings = Settings.resolve(config, Path.of("").toAbsolutePath(), System.getenv(),
                    System.getProperties());
            URI base = URI.create("http://127.0.0.1:" + settings.port(Settings.HTTP_PORT) + "/api/lists/"
                    + URLEncoder.encode(operands.get(1), StandardCharsets.UTF_8).replace("%40", "@") + "/");
            String token = token(settings);
            if (export) {
                return export(base, token, operands.size() == 3 ? operands.get(2) : "-");
            }
            return load(base, token, Path.of(operands.get(2)));
        } catch (IOException | RuntimeException e) {
            err.println("quire archive " + verb + ": " + e.getMessage());
            return 1;
        }
    }

    private int export(URI base, String token, String file) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(base.resolve("archive.mbox"))
                .header("Accept", "application/mbox").GET(), token);
        try (InputStream body = r.body()) {
            if (r.statusCode() != 200) {
                err.println("quire archive export: Quire answered " + r.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                return 1;
            }
            if (file.equals("-")) {
                body.transferTo(out);
                out.flush();
                return 0;
            }
            Path target = Path.of(file).toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            err.println("quire archive export: wrote " + target + " (" + Files.size(target) + " bytes)");
            return 0;
        }
    }

    private int load(URI base, String token, Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new NoSuchFileException(file.toString(), null, "cannot read it");
        }
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(base.resolve("archive/import"))
                .header("Content-Type", "application/mbox").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(file)), token);
        try (InputStream body = r.body()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (r.statusCode() != 200) {
                err.println("quire archive import: Quire answered " + r.statusCode() + ": " + text);
                return 1;
            }
            out.println(text);
            return 0;
        }
    }

    private HttpResponse<InputStream> send(HttpRequest.Builder request, String token) throws IOException {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot reach Quire's REST API (" + e.getMessage() + "): is it running?", e);
        }
    }

    /** {@code QUIRE_API_TOKEN}, else the token the first start wrote for the site admin. */
    private static String token(Settings settings) throws IOException {
        String env = System.getenv("QUIRE_API_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        Path file = settings.dataDir().resolve("run").resolve("api-token");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new IOException("no API token at " + file + " and no QUIRE_API_TOKEN: is Quire running with this"
                    + " data directory, with a site admin?");
        }
    }
}
