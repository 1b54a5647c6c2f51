package dev.quire.lists.site;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import dev.quire.lists.config.ListsSettings;

/**
 * Calls the MTA's admin API ({@code /mta/api}: queue, verify, quiescent) with the local admin token. A 404
 * of the MTA (no such message) comes back as such; an MTA that does not answer, or answers with a fault, is a
 * {@link SiteRefusal} 502 that says where it was asked.
 */
@ApplicationScoped
public class MtaAdminClient {
    private static final Logger LOG = Logger.getLogger(MtaAdminClient.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Inject
    ListsSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer of the MTA: its status and JSON body (null when empty or not JSON). */
    public record Answer(int status, JsonStructure json, String text) {
        /** The MTA's own error sentence, when it refused. */
        String error() {
            if (json != null && json.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                    && json.asJsonObject().containsKey("error")) {
                return json.asJsonObject().getString("error", text);
            }
            return text;
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return settings.mtaAdminUrl().resolve(path);
    }

    private Answer send(HttpRequest.Builder request) {
        String token;
        try {
            token = Files.readString(settings.mtaAdminTokenFile(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw SiteRefusal
                    .mtaUnavailable("The MTA's admin token could not be read from " + settings.mtaAdminTokenFile()
                            + " (set quire.mta.admin.token-file): " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + token).header("Accept",
                    "application/json").timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SiteRefusal.mtaUnavailable("The MTA's admin API at " + settings.mtaAdminUrl() + " did not answer ("
                    + e.getClass().getSimpleName() + "); is the MTA running? Set quire.mta.admin.url if it runs"
                    + " elsewhere.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SiteRefusal.mtaUnavailable("Interrupted while asking the MTA.");
        }
        Answer answer = new Answer(response.statusCode(), parse(response.body()), response.body());
        if (answer.status() == 401) {
            throw SiteRefusal.mtaUnavailable("The MTA refused the admin token in " + settings.mtaAdminTokenFile()
                    + ": it belongs to another MTA.");
        }
        if (answer.status() >= 500) {
            LOG.warning(() -> "the MTA's admin API answered " + answer.status() + ": " + answer.text());
            throw SiteRefusal.mtaUnavailable("The MTA answered " + answer.status() + ": " + answer.error());
        }
        return answer;
    }

    private static JsonStructure parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        } catch (JsonException e) {
            return null;
        }
    }
}
