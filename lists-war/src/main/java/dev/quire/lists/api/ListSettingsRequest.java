package dev.quire.lists.api;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.quire.lists.admin.ListSettings;
import dev.quire.lists.admin.ListSettings.Kind;
import dev.quire.lists.admin.ListSettings.Setting;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.admin.SettingsChange;

/**
 * The body of {@code PATCH /api/lists/{list}}: a JSON object with any of the settings of {@link ListSettings}
 * by name; the others stay as they are. Booleans are JSON true/false, numbers JSON numbers, the rest strings
 * (null or "" clears an optional text). Unknown names, wrong types and bad values are refused together, each
 * with a message, and nothing is changed.
 */
public record ListSettingsRequest(SettingsChange change) {

    /** Reads and checks a body; throws {@link InvalidRequest} with every problem found. */
    public static ListSettingsRequest parse(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequest("The body must be a JSON object of settings.", Map.of());
        }
        if (json.isEmpty()) {
            throw new InvalidRequest("Name at least one setting to change.", Map.of());
        }
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            Kind kind = ListSettings.named(name).map(Setting::kind).orElse(null);
            String t = kind == null ? "" : text(kind, value);
            if (t == null) {
                errors.put(name, kind == Kind.BOOLEAN
                        ? "must be true or false"
                        : kind == Kind.NUMBER || kind == Kind.DECIMAL ? "must be a number" : "must be a string");
            } else {
                text.put(name, t);
            }
        });
        try {
            SettingsChange change = ListSettings.parse(text);
            if (errors.isEmpty()) {
                return new ListSettingsRequest(change);
            }
        } catch (Refused e) {
            e.fields().forEach(errors::putIfAbsent);
        }
        throw new InvalidRequest("Some settings cannot be used; nothing was changed.", errors);
    }

    /** The JSON value as the text the settings read, or null when its type is wrong. */
    private static String text(Kind kind, JsonValue v) {
        switch (kind) {
            case BOOLEAN :
                return v == JsonValue.TRUE ? "true" : v == JsonValue.FALSE ? "false" : null;
            case NUMBER :
            case DECIMAL :
                return v instanceof JsonNumber ? v.toString() : null;
            case LINE :
            case CHOICE :
                return v instanceof JsonString ? ((JsonString) v).getString() : null;
            default :
                return v == JsonValue.NULL ? "" : v instanceof JsonString ? ((JsonString) v).getString() : null;
        }
    }

    /** The change for the service. */
    public SettingsChange toChange() {
        return change;
    }
}
