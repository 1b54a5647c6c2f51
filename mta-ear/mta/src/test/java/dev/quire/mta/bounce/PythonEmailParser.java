package dev.quire.mta.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Runs {@code bounce/parse_dsn.py} on a message: Python's email package as an independent MIME parser. */
final class PythonEmailParser {
    private PythonEmailParser() {
    }

    /** What Python found in {@code message}, as the JSON object the script prints. */
    static JsonObject parse(byte[] message) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-I", script().toString()).start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(message);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("python3 did not finish");
        }
        String out = new String(stdout.join(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("python3 failed: " + new String(stderr.join(), StandardCharsets.UTF_8));
        }
        try (JsonReader reader = Json.createReader(new StringReader(out))) {
            return reader.readObject();
        }
    }

    private static Path script() {
        try {
            return Path.of(PythonEmailParser.class.getResource("/bounce/parse_dsn.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
