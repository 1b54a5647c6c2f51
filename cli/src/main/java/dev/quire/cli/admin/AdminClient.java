package dev.quire.cli.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import dev.quire.cli.config.Settings;

/** Calls the MTA's admin API on this host with the local admin token. */
final class AdminClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    private AdminClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A client for the instance these settings describe; fails when no token exists (nothing ran there yet). */
    static AdminClient of(Settings settings) throws IOException {
        Path file = settings.dataDir().resolve("run").resolve("admin-token");
        String token;
        try {
            token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new IOException("no admin token at " + file + ": is Quire running with this data directory?");
        }
        return new AdminClient(URI.create("http://127.0.0.1:" + settings.port(Settings.HTTP_PORT) + "/mta/api/"),
                token);
    }

    /** A GET with repeated query parameters; returns the body of a 2xx answer. */
    String get(String path, String parameter, List<String> values, String accept) throws IOException {
        String query = values.stream()
                .map(v -> parameter + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path + (query.isEmpty() ? "" : "?" + query)))
                .header("Accept", accept).GET());
    }

    String put(String path, String body) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    String post(String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    String delete(String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").DELETE());
    }

    private String send(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + token).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot reach Quire at " + base + " (" + e.getMessage() + "): is it running?", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Quire answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
