package dev.quire.lists.api;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A JSON object request body, read field by field; a value of the wrong type is a 400 naming the field, before
 * anything is changed. Read with {@link #parse(String, Set)} (the site admin's resources), every problem is
 * collected, an unknown field is one too, and {@link #check()} answers them all at once; read with
 * {@link #parse(String)} (the owner's tools), the first problem is answered at once.
 */
final class JsonBody {
    private final JsonObject json;
    private final boolean collect;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonBody(JsonObject json, boolean collect) {
        this.json = json;
        this.collect = collect;
    }

    /** A body whose fields must all be among {@code known}; call {@link #check()} after reading them. */
    static JsonBody parse(String body, Set<String> known) {
        String names = String.join(", ", known.stream().sorted().toList());
        JsonBody b = new JsonBody(read(body, "The body must be a JSON object with " + names + "."), true);
        for (String name : b.json.keySet()) {
            if (!known.contains(name)) {
                b.errors.put(name, "no such field (known: " + names + ")");
            }
        }
        return b;
    }

    /** A body whose first wrongly typed field is answered at once. */
    static JsonBody parse(String body) {
        return new JsonBody(read(body, "The body must be a JSON object."), false);
    }

    /** An element of an array as an object of its own. */
    static JsonBody of(JsonValue v, String field) {
        if (!(v instanceof JsonObject)) {
            throw new InvalidRequest("Each element of " + field + " must be an object.",
                    Map.of(field, "must be an array of objects"));
        }
        return new JsonBody((JsonObject) v, false);
    }

    private static JsonObject read(String body, String refusal) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequest(refusal, Map.of());
        }
    }

    boolean has(String name) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL;
    }

    String text(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = json.get(name);
        if (!(v instanceof JsonString)) {
            return refuse(name, "must be a string", null);
        }
        return ((JsonString) v).getString();
    }

    boolean bool(String name) {
        if (!has(name)) {
            return false;
        }
        JsonValue v = json.get(name);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            return refuse(name, "must be true or false", false);
        }
        return v == JsonValue.TRUE;
    }

    /** A list of strings; a single string is taken as a list of one. */
    List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        if (!has(name)) {
            return out;
        }
        JsonValue v = json.get(name);
        if (v instanceof JsonString) {
            out.add(((JsonString) v).getString());
            return out;
        }
        if (!(v instanceof JsonArray)) {
            return refuse(name, "must be a list of strings", List.of());
        }
        for (JsonValue e : v.asJsonArray()) {
            if (!(e instanceof JsonString)) {
                return refuse(name, "must be a list of strings", List.of());
            }
            out.add(((JsonString) e).getString());
        }
        return out;
    }

    /** An array field's elements, each an object or a string. */
    List<JsonValue> array(String name) {
        if (!has(name)) {
            return List.of();
        }
        if (!(json.get(name) instanceof JsonArray)) {
            return refuse(name, "must be an array", List.of());
        }
        return json.getJsonArray(name);
    }

    /** An array of whole numbers. */
    List<Long> ids(String name) {
        List<Long> ids = new ArrayList<>();
        for (JsonValue v : array(name)) {
            if (!(v instanceof JsonNumber) || !((JsonNumber) v).isIntegral()) {
                return refuse(name, "must be an array of ids", List.of());
            }
            ids.add(((JsonNumber) v).longValue());
        }
        return ids;
    }

    /** Throws the 400 when any field was bad. */
    JsonBody check() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Some fields cannot be used; nothing was changed.", errors);
        }
        return this;
    }

    private <T> T refuse(String name, String problem, T fallback) {
        if (!collect) {
            throw new InvalidRequest("The field " + name + " " + problem + ".", Map.of(name, problem));
        }
        errors.put(name, problem);
        return fallback;
    }
}
