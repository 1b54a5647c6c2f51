package dev.quire.lists.api;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A request body of the site admin's resources: one JSON object with known fields; an unknown field or a
 * value of the wrong type is a 400 naming the field, before anything is changed.
 */
final class JsonBody {
    private final JsonObject json;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    static JsonBody parse(String body, Set<String> known) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequest("The body must be a JSON object with " + String.join(", ", known.stream()
                    .sorted().toList()) + ".", Map.of());
        }
        JsonBody b = new JsonBody(json);
        for (String name : json.keySet()) {
            if (!known.contains(name)) {
                b.errors.put(name, "no such field (known: " + String.join(", ", known.stream().sorted().toList())
                        + ")");
            }
        }
        return b;
    }

    String text(String name) {
        JsonValue v = json.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString)) {
            errors.put(name, "must be a string");
            return null;
        }
        return ((JsonString) v).getString();
    }

    boolean bool(String name) {
        JsonValue v = json.get(name);
        if (v == null || v == JsonValue.NULL) {
            return false;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            errors.put(name, "must be true or false");
            return false;
        }
        return v == JsonValue.TRUE;
    }

    /** A list of strings; a single string is taken as a list of one. */
    List<String> texts(String name) {
        JsonValue v = json.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v == JsonValue.NULL) {
            return out;
        }
        if (v instanceof JsonString) {
            out.add(((JsonString) v).getString());
            return out;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.put(name, "must be a list of strings");
            return out;
        }
        for (JsonValue e : v.asJsonArray()) {
            if (!(e instanceof JsonString)) {
                errors.put(name, "must be a list of strings");
                return List.of();
            }
            out.add(((JsonString) e).getString());
        }
        return out;
    }

    /** Throws the 400 when any field was bad. */
    JsonBody check() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Some fields cannot be used; nothing was changed.", errors);
        }
        return this;
    }
}
